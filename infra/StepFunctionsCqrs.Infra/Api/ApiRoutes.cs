namespace StepFunctionsCqrs.Infra.Api;

/// <summary>The API's paths, shared by the construct and whoever documents or calls them.</summary>
public static class ApiRoutes
{
    /// <summary>Rooms left per night for a room type.</summary>
    public const string Availability = "/hotels/{hotelId}/room-types/{roomTypeId}/availability";

    /// <summary>A guest's bookings and waitlist entries.</summary>
    public const string GuestBookings = "/guests/{guestId}/bookings";

    /// <summary>Guests arriving at a hotel.</summary>
    public const string Arrivals = "/hotels/{hotelId}/arrivals";

    /// <summary>The outcome of one command.</summary>
    public const string CommandStatus = "/commands/{commandId}";

    /// <summary>Submit a command (POST); the body becomes the SQS message.</summary>
    public const string Commands = "/commands";

    /// <summary>Every GET route served by the query function.</summary>
    public static IReadOnlyList<string> Queries { get; } = [Availability, GuestBookings, Arrivals, CommandStatus];
}
