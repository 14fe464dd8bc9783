using StepFunctionsCqrs.Domain.Events;

namespace StepFunctionsCqrs.Domain.Hotels;

/// <summary>What is known about one hotel: whether it exists and its room types.</summary>
public sealed record HotelState(string HotelId, bool IsRegistered, string Name, IReadOnlyList<RoomTypeSpec> RoomTypes)
{
    /// <summary>A hotel nobody has registered.</summary>
    public static HotelState Initial(string hotelId) => new(hotelId, false, "", []);

    /// <summary>Folds events in order.</summary>
    public static HotelState Fold(HotelState state, IEnumerable<IDomainEvent> events) =>
        events.Aggregate(state, (s, e) => s.Apply(e));

    /// <summary>Applies one event.</summary>
    public HotelState Apply(IDomainEvent domainEvent) => domainEvent switch
    {
        HotelRegistered e => When(e),
        _ => throw new InvalidOperationException($"The hotel aggregate cannot apply {EventTypeNames.Of(domainEvent)}."),
    };

    private HotelState When(HotelRegistered e) => this with { IsRegistered = true, Name = e.Name, RoomTypes = e.RoomTypes };

    /// <summary>Whether the hotel has the given room type.</summary>
    public bool HasRoomType(string roomTypeId) => RoomTypes.Any(r => r.RoomTypeId == roomTypeId);
}
