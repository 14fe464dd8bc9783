using StepFunctionsCqrs.Domain.Events;
using StepFunctionsCqrs.Domain.Hotels;
using StepFunctionsCqrs.Domain.Inventory;

namespace StepFunctionsCqrs.Domain.Tests.Events;

public sealed class EventJsonTests
{
    [Fact]
    public void Events_are_stored_under_stable_versioned_type_names()
    {
        Assert.Equal(
            ["V1.BookingCancelled", "V1.GuestWaitlisted", "V1.HotelRegistered", "V1.InventoryOpened", "V1.RoomBooked"],
            EventTypeNames.All.Order());
        Assert.Equal("V1.RoomBooked", EventTypeNames.Of(new RoomBooked("h", "r", "b", "g", new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 2), false)));
    }

    [Fact]
    public void An_event_round_trips_through_its_json_form_with_the_type_name_and_iso_dates()
    {
        IDomainEvent[] events =
        [
            new HotelRegistered("h", "Grand", [new RoomTypeSpec("double", 2)]),
            new RoomBooked("h", "double", "b1", "alice", new DateOnly(2028, 2, 29), new DateOnly(2028, 3, 1), true),
        ];

        var json = EventJson.Serialize(events);
        var back = EventJson.Deserialize(json);

        Assert.Contains("\"type\":\"V1.RoomBooked\"", json);
        Assert.Contains("\"checkIn\":\"2028-02-29\"", json);
        Assert.Equal(json, EventJson.Serialize(back));
        Assert.Equal(events[1], back[1]);
    }

    [Fact]
    public void The_type_name_may_come_after_the_fields_as_json_tooling_may_reorder_keys()
    {
        var back = EventJson.Deserialize("""[{"hotelId":"h","roomTypeId":"r","capacity":3,"type":"V1.InventoryOpened"}]""");

        Assert.Equal(new InventoryOpened("h", "r", 3), Assert.Single(back));
    }

    [Fact]
    public void An_unknown_event_type_name_fails_to_load()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => EventJson.Deserialize("""[{"type":"V9.Teleported"}]"""));
    }
}
