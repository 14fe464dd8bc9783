using StepFunctionsCqrs.Domain.Events;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Domain.Projections;
using static StepFunctionsCqrs.Domain.Tests.TestKit.Sample;

namespace StepFunctionsCqrs.Domain.Tests.Projections;

public sealed class ChangeHistoryTests
{
    [Fact]
    public void Replaying_an_inventorys_commits_gives_each_commit_the_state_it_had_when_appended()
    {
        (long, IReadOnlyList<IDomainEvent>)[] commits =
        [
            (1, [new InventoryOpened(HotelId, RoomTypeId, 1)]),
            (2, [Booked("b1", Alice, March1, March1.AddDays(1))]),
            (3, [Waitlisted("b2", Bob, March1, March1.AddDays(1))]),
            (4, [new BookingCancelled(HotelId, RoomTypeId, "b1", "alice", "alice"), Booked("b2", Bob, March1, March1.AddDays(1), fromWaitlist: true)]),
        ];

        var changes = ChangeHistory.Of(AggregateIds.Inventory(HotelId, RoomTypeId), commits).ToList();

        Assert.Equal([1L, 2, 3, 4], changes.Select(c => c.Version));
        Assert.Equal(0, changes[1].Inventory!.Nights.Single().RoomsLeft);
        Assert.Empty(changes[2].Inventory!.Nights);
        Assert.Equal(0, changes[3].Inventory!.Nights.Single().RoomsLeft);
        Assert.Equal([BookingStatus.Cancelled, BookingStatus.Booked], changes[3].Inventory!.Bookings.Select(b => b.Status));
    }

    [Fact]
    public void A_hotel_registry_commit_replays_without_inventory_state()
    {
        var change = ChangeHistory.Of(AggregateIds.Hotel(HotelId), [(1L, (IReadOnlyList<IDomainEvent>)[HotelWithCapacity(1)[0]])]).Single();

        Assert.Null(change.Inventory);
    }
}
