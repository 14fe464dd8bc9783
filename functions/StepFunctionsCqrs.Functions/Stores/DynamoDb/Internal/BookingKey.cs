namespace StepFunctionsCqrs.Functions.Stores.DynamoDb.Internal;

/// <summary>
/// The sort key of a booking row in the guest bookings and arrivals views. A booking id is unique only within one room
/// type's inventory, so a row keyed by it alone would let a booking in one room type overwrite another's, and its
/// version guard would compare versions of two different aggregates; ids cannot contain '#', so the parts never blur.
/// </summary>
internal static class BookingKey
{
    /// <summary>The attribute that holds the key.</summary>
    public const string Attribute = "BookingKey";

    /// <summary>"hotelId#roomTypeId#bookingId": the booking's full identity, ordered by hotel, then room type, then booking id.</summary>
    public static string Of(string hotelId, string roomTypeId, string bookingId) => $"{hotelId}#{roomTypeId}#{bookingId}";
}
