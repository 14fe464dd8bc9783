namespace StepFunctionsCqrs.Functions.Snapshots;

/// <summary>An aggregate's folded state as of one version, written as a cache so a cold decision reads only the commits after it.</summary>
/// <param name="AggregateId">The aggregate the state belongs to.</param>
/// <param name="Version">The last commit folded into the state.</param>
/// <param name="SchemaVersion">The shape of <paramref name="State"/>; a reader ignores any shape it does not know.</param>
/// <param name="State">The state as JSON.</param>
public sealed record StoredSnapshot(string AggregateId, long Version, int SchemaVersion, string State);
