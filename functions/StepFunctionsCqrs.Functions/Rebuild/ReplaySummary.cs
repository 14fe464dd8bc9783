namespace StepFunctionsCqrs.Functions.Rebuild;

/// <summary>What a replay did.</summary>
/// <param name="Commits">Commits read from the log.</param>
/// <param name="Aggregates">Distinct aggregates among them.</param>
/// <param name="RowsOffered">View rows the projections produced.</param>
/// <param name="RowsWritten">Rows that landed; the rest were already at that version or newer.</param>
public sealed record ReplaySummary(int Commits, int Aggregates, int RowsOffered, int RowsWritten);
