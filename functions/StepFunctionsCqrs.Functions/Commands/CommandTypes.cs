namespace StepFunctionsCqrs.Functions.Commands;

/// <summary>The command type names of the envelope and the schema versions each accepts.</summary>
public static class CommandTypes
{
    /// <summary>Admin registers a hotel.</summary>
    public const string RegisterHotel = "RegisterHotel";
    /// <summary>Guest books a room.</summary>
    public const string BookRoom = "BookRoom";
    /// <summary>Owner or admin cancels a booking.</summary>
    public const string CancelBooking = "CancelBooking";

    /// <summary>Supported schema versions per type.</summary>
    public static IReadOnlyDictionary<string, int[]> SchemaVersions { get; } = new Dictionary<string, int[]>(StringComparer.Ordinal)
    {
        [RegisterHotel] = [1],
        [BookRoom] = [1],
        [CancelBooking] = [1],
    };
}
