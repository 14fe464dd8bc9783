namespace StepFunctionsCqrs.Functions.Stores;

/// <summary>Every table the system uses: the single source for CDK and the local bootstrap.</summary>
public static class Tables
{
    /// <summary>Append-only commit log: one item per command that changed an aggregate.</summary>
    public static readonly TableDefinition CommitLog = new(
        "CommitLog",
        new KeyAttribute("AggregateId", "S"),
        new KeyAttribute("Version", "N"),
        "Write store: pk = aggregate id, sk = version; appended with a conditional PutItem.");

    /// <summary>Rooms left per hotel, room type and night.</summary>
    public static readonly TableDefinition Availability = new(
        "AvailabilityView",
        new KeyAttribute("HotelRoomType", "S"),
        new KeyAttribute("Date", "S"),
        "Read store: availability by hotel/roomType/date.");

    /// <summary>Each guest's bookings and waitlist entries.</summary>
    public static readonly TableDefinition GuestBookings = new(
        "GuestBookingsView",
        new KeyAttribute("GuestId", "S"),
        new KeyAttribute("BookingKey", "S"),
        "Read store: bookings by guest; sk hotelId#roomTypeId#bookingId, since a booking id is unique only within one room type.");

    /// <summary>Guests arriving at a hotel on a date.</summary>
    public static readonly TableDefinition Arrivals = new(
        "ArrivalsView",
        new KeyAttribute("HotelDate", "S"),
        new KeyAttribute("BookingKey", "S"),
        "Read store: arrivals by hotel/date; sk hotelId#roomTypeId#bookingId.");

    /// <summary>The outcome of every command, by command id.</summary>
    public static readonly TableDefinition CommandStatus = new(
        "CommandStatusView",
        new KeyAttribute("CommandId", "S"),
        null,
        "Read store: command status by command id.");

    /// <summary>All tables, write store first.</summary>
    public static IReadOnlyList<TableDefinition> All { get; } =
        [CommitLog, Availability, GuestBookings, Arrivals, CommandStatus];
}
