using System.Globalization;

namespace StepFunctionsCqrs.Cli.Queries;

/// <summary>The read API's routes, built with escaped path segments.</summary>
public static class ReadRoutes
{
    /// <summary>Rooms left per night in [from, to).</summary>
    public static (string Path, IReadOnlyDictionary<string, string> Query) Availability(string hotelId, string roomTypeId, DateOnly from, DateOnly to) =>
        ($"/hotels/{Escape(hotelId)}/room-types/{Escape(roomTypeId)}/availability",
         new Dictionary<string, string> { ["from"] = Date(from), ["to"] = Date(to) });

    /// <summary>A guest's bookings.</summary>
    public static (string Path, IReadOnlyDictionary<string, string> Query) GuestBookings(string guestId) =>
        ($"/guests/{Escape(guestId)}/bookings", new Dictionary<string, string>());

    /// <summary>Arrivals at a hotel on a date.</summary>
    public static (string Path, IReadOnlyDictionary<string, string> Query) Arrivals(string hotelId, DateOnly date) =>
        ($"/hotels/{Escape(hotelId)}/arrivals", new Dictionary<string, string> { ["date"] = Date(date) });

    /// <summary>A command's outcome.</summary>
    public static (string Path, IReadOnlyDictionary<string, string> Query) CommandStatus(string commandId) =>
        ($"/commands/{Escape(commandId)}", new Dictionary<string, string>());

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
