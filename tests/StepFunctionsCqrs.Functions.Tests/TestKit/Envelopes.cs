using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Functions.Tests.TestKit;

/// <summary>Command envelopes as clients send them.</summary>
public static class Envelopes
{
    public const string CommandApiSender = "AIDACOMMANDAPI";
    public const string HotelId = "grand";
    public const string RoomTypeId = "double";

    public static JsonObject Envelope(string commandId, string type, JsonObject payload, string userId, params string[] roles) => new()
    {
        ["commandId"] = commandId,
        ["type"] = type,
        ["schemaVersion"] = 1,
        ["issuedAt"] = "2027-01-10T09:30:00Z",
        ["actor"] = new JsonObject { ["userId"] = userId, ["roles"] = new JsonArray([.. roles.Select(r => (JsonNode)r)]) },
        ["correlationId"] = $"corr-{commandId}",
        ["payload"] = payload,
    };

    public static JsonObject RegisterHotel(string commandId, int capacity, string hotelId = HotelId, params string[] roomTypes) =>
        Envelope(commandId, "RegisterHotel", new JsonObject
        {
            ["hotelId"] = hotelId,
            ["name"] = "Grand Hotel",
            ["roomTypes"] = new JsonArray([.. (roomTypes.Length == 0 ? [RoomTypeId] : roomTypes)
                .Select(r => (JsonNode)new JsonObject { ["roomTypeId"] = r, ["capacity"] = capacity })]),
        }, "admin-1", "admin");

    public static JsonObject BookRoom(string commandId, string guest, string bookingId, string checkIn, string checkOut, string roomTypeId = RoomTypeId) =>
        Envelope(commandId, "BookRoom", new JsonObject
        {
            ["hotelId"] = HotelId,
            ["roomTypeId"] = roomTypeId,
            ["bookingId"] = bookingId,
            ["checkIn"] = checkIn,
            ["checkOut"] = checkOut,
        }, guest, "guest");

    public static JsonObject CancelBooking(string commandId, string actor, string bookingId, params string[] roles) =>
        CancelBookingIn(RoomTypeId, commandId, actor, bookingId, roles);

    public static JsonObject CancelBookingIn(string roomTypeId, string commandId, string actor, string bookingId, params string[] roles) =>
        Envelope(commandId, "CancelBooking", new JsonObject
        {
            ["hotelId"] = HotelId,
            ["roomTypeId"] = roomTypeId,
            ["bookingId"] = bookingId,
        }, actor, roles.Length == 0 ? ["guest"] : roles);
}
