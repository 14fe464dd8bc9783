using System.Globalization;

namespace StepFunctionsCqrs.Functions.Stores;

/// <summary>
/// How long a command's status is kept before DynamoDB's TTL deletes it. The default matches how long Step Functions
/// keeps a standard execution's history, so a status never outlives the trace that explains it and personal data in
/// rejection reasons is not kept for ever.
/// </summary>
public static class CommandStatusRetention
{
    /// <summary>The environment variable that overrides the retention, in whole days.</summary>
    public const string EnvironmentVariable = "COMMAND_STATUS_RETENTION_DAYS";

    /// <summary>The status table's TTL attribute: epoch seconds after which DynamoDB may delete the row.</summary>
    public const string TtlAttribute = "expiresAt";

    /// <summary>Retention when nothing is configured.</summary>
    public static TimeSpan Default { get; } = TimeSpan.FromDays(90);

    /// <summary>Longest retention accepted, ten years.</summary>
    public const int MaxDays = 3650;

    /// <summary>Reads <see cref="EnvironmentVariable"/>, or the default when it is unset.</summary>
    public static TimeSpan FromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } text ? Parse(text) : Default;

    /// <summary>Parses whole days from 1 to <see cref="MaxDays"/>, naming the variable when the value is not one.</summary>
    public static TimeSpan Parse(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= MaxDays
            ? TimeSpan.FromDays(days)
            : throw new InvalidOperationException($"{EnvironmentVariable} is '{text}'; expected whole days from 1 to {MaxDays}.");
}
