namespace StepFunctionsCqrs.Functions.Commands;

/// <summary>
/// The size limit of every envelope and payload field, in characters (UTF-16 code units) or items. Together with
/// <see cref="Dispatching.DispatchableBody.MaxBytes"/> they keep every state's payload far below Step Functions' 256 KiB:
/// Persist's result repeats the name and the room types, and a payload over the limit fails the execution with
/// States.DataLimitExceeded, which no Catch can handle, so the command would end with no status.
/// </summary>
public static class FieldLimits
{
    /// <summary>Longest command type name; the longest known one has 13.</summary>
    public const int MaxTypeLength = 64;

    /// <summary>Longest issuedAt: yyyy-MM-ddTHH:mm:ss.fffffff+hh:mm.</summary>
    public const int MaxIssuedAtLength = 33;

    /// <summary>Longest correlationId.</summary>
    public const int MaxCorrelationIdLength = 128;

    /// <summary>Most roles an actor may claim.</summary>
    public const int MaxRoles = 10;

    /// <summary>Longest role name; the known ones have at most 11.</summary>
    public const int MaxRoleLength = 32;

    /// <summary>Length of a date, yyyy-MM-dd.</summary>
    public const int DateLength = 10;

    /// <summary>Longest hotel name.</summary>
    public const int MaxHotelNameLength = 200;

    /// <summary>Most room types one registration may open; each becomes an inventory change in Persist's result.</summary>
    public const int MaxRoomTypes = 50;

    /// <summary>Longest caller principal a message attribute may carry: IAM's limit on an ARN.</summary>
    public const int MaxCallerPrincipalLength = 2048;

    /// <summary>Longest JWT groups claim a message attribute may carry.</summary>
    public const int MaxCallerGroupsLength = 4096;

    /// <summary>Longest SenderId a redriven message may name as its first sender.</summary>
    public const int MaxSenderIdLength = 256;
}
