using StepFunctionsCqrs.Domain.Hotels;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Domain.Outcomes;
using StepFunctionsCqrs.Domain.Tests.TestKit;
using static StepFunctionsCqrs.Domain.Tests.TestKit.Sample;

namespace StepFunctionsCqrs.Domain.Tests.Inventory;

public sealed class RegisterHotelTests
{
    private static InventoryCommands.RegisterHotel Register(params RoomTypeSpec[] roomTypes) => new(HotelId, "Grand", roomTypes);

    [Fact]
    public void An_admin_registers_a_new_hotel_with_its_room_types()
    {
        InventorySpec.Given()
            .When(Register(new RoomTypeSpec("double", 5), new RoomTypeSpec("suite", 1)), Admin)
            .Then(new HotelRegistered(HotelId, "Grand", [new RoomTypeSpec("double", 5), new RoomTypeSpec("suite", 1)]));
    }

    [Fact]
    public void Each_room_type_of_a_registered_hotel_gets_its_own_opened_inventory()
    {
        var opened = InventoryDecisions.OpenInventories(new HotelRegistered(HotelId, "Grand", [new RoomTypeSpec("double", 5), new RoomTypeSpec("suite", 1)]));

        Assert.Equal([new InventoryOpened(HotelId, "double", 5), new InventoryOpened(HotelId, "suite", 1)], opened);
    }

    [Fact]
    public void A_guest_cannot_register_a_hotel()
    {
        InventorySpec.Given().When(Register(new RoomTypeSpec("double", 5)), Alice).ThenRejected(ReasonCodes.NotAdmin);
    }

    [Fact]
    public void Registering_the_same_hotel_twice_is_rejected()
    {
        InventorySpec.Given(HotelWithCapacity(2)).When(Register(new RoomTypeSpec("double", 5)), Admin).ThenRejected(ReasonCodes.HotelAlreadyRegistered);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(10_001)]
    public void A_capacity_outside_one_to_ten_thousand_is_rejected_naming_the_room_type(int capacity)
    {
        var rejection = InventorySpec.Given().When(Register(new RoomTypeSpec("double", 5), new RoomTypeSpec("suite", capacity)), Admin)
            .ThenRejected(ReasonCodes.InvalidCapacity);

        Assert.Equal("payload.roomTypes[1].capacity", rejection.Reasons[0].Field);
        Assert.Contains("suite", rejection.Reasons[0].Message);
    }

    [Fact]
    public void A_hotel_without_room_types_is_rejected()
    {
        InventorySpec.Given().When(Register(), Admin).ThenRejected(ReasonCodes.NoRoomTypes);
    }

    [Fact]
    public void Every_problem_in_the_room_type_list_is_reported_at_once()
    {
        InventorySpec.Given().When(Register(new RoomTypeSpec("double", 0), new RoomTypeSpec("double", 2)), Admin)
            .ThenRejected(ReasonCodes.InvalidCapacity, ReasonCodes.DuplicateRoomType);
    }
}
