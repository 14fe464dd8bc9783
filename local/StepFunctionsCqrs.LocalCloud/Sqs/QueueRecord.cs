namespace StepFunctionsCqrs.LocalCloud.Sqs;

/// <summary>A queue as stored: its name, its normalized attributes and tags, and its timestamps (epoch milliseconds).</summary>
internal sealed record QueueRecord(
    string Name,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyDictionary<string, string> Tags,
    long CreatedMs,
    long ModifiedMs,
    long? LastPurgeMs);
