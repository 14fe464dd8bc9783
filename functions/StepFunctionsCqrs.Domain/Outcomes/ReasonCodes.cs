namespace StepFunctionsCqrs.Domain.Outcomes;

/// <summary>Stable rejection codes; clients match on these, so never rename one.</summary>
public static class ReasonCodes
{
    /// <summary>The stay is longer than <see cref="Inventory.StayRules.MaxNights"/> nights.</summary>
    public const string StayTooLong = "StayTooLong";
    /// <summary>Check-out is on or before check-in.</summary>
    public const string CheckOutNotAfterCheckIn = "CheckOutNotAfterCheckIn";
    /// <summary>The stay's check-in is before <see cref="Inventory.StayRules.EarliestCheckIn"/>.</summary>
    public const string CheckInPassed = "CheckInPassed";
    /// <summary>The booking's check-in has passed, so it can no longer be cancelled.</summary>
    public const string StayStarted = "StayStarted";
    /// <summary>The hotel exists but has no such room type.</summary>
    public const string UnknownRoomType = "UnknownRoomType";
    /// <summary>No hotel with that id was registered.</summary>
    public const string UnknownHotel = "UnknownHotel";
    /// <summary>Only the booking's guest or an admin may cancel it.</summary>
    public const string NotBookingOwner = "NotBookingOwner";
    /// <summary>The booking id is already used in this inventory.</summary>
    public const string DuplicateBookingId = "DuplicateBookingId";
    /// <summary>No booking with that id exists in this inventory.</summary>
    public const string UnknownBooking = "UnknownBooking";
    /// <summary>The booking was already cancelled.</summary>
    public const string BookingAlreadyCancelled = "BookingAlreadyCancelled";
    /// <summary>A hotel with that id is already registered.</summary>
    public const string HotelAlreadyRegistered = "HotelAlreadyRegistered";
    /// <summary>A room type's nightly capacity is out of range.</summary>
    public const string InvalidCapacity = "InvalidCapacity";
    /// <summary>A hotel must have at least one room type.</summary>
    public const string NoRoomTypes = "NoRoomTypes";
    /// <summary>The same room type id appears twice in one registration.</summary>
    public const string DuplicateRoomType = "DuplicateRoomType";
    /// <summary>The command needs the admin role.</summary>
    public const string NotAdmin = "NotAdmin";
    /// <summary>The aggregate's version differs from the command's expectedVersion.</summary>
    public const string WrongExpectedVersion = "WrongExpectedVersion";
    /// <summary>The command id was already used by a command with a different body; the id is the idempotency key, so the second command is refused.</summary>
    public const string CommandIdReused = "CommandIdReused";
    /// <summary>A field is longer, or a list holds more items, than the command contract allows.</summary>
    public const string FieldTooLong = "FieldTooLong";

    /// <summary>A required envelope or payload field is absent.</summary>
    public const string MissingField = "MissingField";
    /// <summary>A field has the wrong JSON type.</summary>
    public const string WrongFieldType = "WrongFieldType";
    /// <summary>A field has the right type but an unusable value.</summary>
    public const string InvalidValue = "InvalidValue";
    /// <summary>A date is not a real calendar date in yyyy-MM-dd form (e.g. 2027-02-29).</summary>
    public const string InvalidDate = "InvalidDate";
    /// <summary>The envelope's type names no known command.</summary>
    public const string UnknownCommandType = "UnknownCommandType";
    /// <summary>The envelope's schemaVersion is not supported for its type.</summary>
    public const string UnsupportedSchemaVersion = "UnsupportedSchemaVersion";
    /// <summary>The SQS sender has no roles in the configuration.</summary>
    public const string UnknownSender = "UnknownSender";
    /// <summary>A sender without the command-API role tried to act for another user.</summary>
    public const string CannotActForOthers = "CannotActForOthers";
    /// <summary>The actor claims a role its sender was not granted.</summary>
    public const string RoleNotGranted = "RoleNotGranted";
    /// <summary>The command API sent the message without naming its authenticated caller.</summary>
    public const string UnknownCaller = "UnknownCaller";
}
