namespace StepFunctionsCqrs.Functions.Rebuild;

/// <summary>How far a replay has come: commits fed to the projections out of all commits, and view rows that landed.</summary>
public sealed record ReplayProgress(int CommitsDone, int CommitsTotal, int RowsWritten);
