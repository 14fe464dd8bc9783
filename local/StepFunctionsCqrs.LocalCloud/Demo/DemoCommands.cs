using System.Globalization;
using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.LocalCloud.Demo;

/// <summary>Command envelopes as a client writes them (the SQS body), one method per command type.</summary>
public static class DemoCommands
{
    /// <summary>An admin registers a hotel with one room type.</summary>
    public static JsonObject RegisterHotel(string commandId, string adminId, string hotelId, string name, string roomTypeId, int capacity) =>
        Envelope(commandId, "RegisterHotel", adminId, ["admin"], new JsonObject
        {
            ["hotelId"] = hotelId,
            ["name"] = name,
            ["roomTypes"] = new JsonArray(new JsonObject { ["roomTypeId"] = roomTypeId, ["capacity"] = capacity }),
        });

    /// <summary>A guest books a room type for the nights in [checkIn, checkOut).</summary>
    public static JsonObject BookRoom(string commandId, string guestId, string hotelId, string roomTypeId, string bookingId, DateOnly checkIn, DateOnly checkOut) =>
        Envelope(commandId, "BookRoom", guestId, ["guest"], new JsonObject
        {
            ["hotelId"] = hotelId,
            ["roomTypeId"] = roomTypeId,
            ["bookingId"] = bookingId,
            ["checkIn"] = checkIn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["checkOut"] = checkOut.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });

    /// <summary>A guest cancels their own booking.</summary>
    public static JsonObject CancelBooking(string commandId, string guestId, string hotelId, string roomTypeId, string bookingId) =>
        Envelope(commandId, "CancelBooking", guestId, ["guest"], new JsonObject
        {
            ["hotelId"] = hotelId,
            ["roomTypeId"] = roomTypeId,
            ["bookingId"] = bookingId,
        });

    private static JsonObject Envelope(string commandId, string type, string userId, string[] roles, JsonObject payload) => new()
    {
        ["commandId"] = commandId,
        ["type"] = type,
        ["schemaVersion"] = 1,
        ["issuedAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["actor"] = new JsonObject { ["userId"] = userId, ["roles"] = new JsonArray([.. roles.Select(r => (JsonNode)r)]) },
        ["correlationId"] = $"demo-{commandId}",
        ["payload"] = payload,
    };
}
