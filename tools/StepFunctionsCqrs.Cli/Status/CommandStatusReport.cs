using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Cli.Status;

/// <summary>What is known of a command: its recorded outcome, once there is one.</summary>
/// <param name="CommandId">The command.</param>
/// <param name="Record">The command status view's row; null while no outcome is recorded.</param>
public sealed record CommandStatusReport(string CommandId, CommandStatusRecord? Record)
{
    /// <summary>Whether an outcome is recorded.</summary>
    public bool Settled => Record is not null;
}
