using StepFunctionsCqrs.Asl.Callbacks;

namespace StepFunctionsCqrs.Asl;

/// <summary>Identity of an execution; anything left null gets a sensible local default.</summary>
public sealed record ExecutionOptions(string? Name = null, string? ExecutionArn = null, string? StateMachineArn = null, string? RoleArn = null)
{
    /// <summary>
    /// Multiplies every Wait state's and retry back-off's duration, from 0 to 1: 0.1 runs them ten times faster, 0 at
    /// once. Nothing else changes: history timestamps are the clock's, and a Wait until a timestamp waits the scaled
    /// time to it.
    /// </summary>
    public double DelayScale { get; init; } = 1;

    /// <summary>Told when the execution waits for a task token's answer and when it may run on; null tells nobody.</summary>
    public ICallbackParking? Parking { get; init; }

    /// <summary>Told each processing step of every state (see <see cref="IStateObserver"/>); null tells nobody.</summary>
    public IStateObserver? Observer { get; init; }

    /// <summary>Workflow variables in scope from the start, as if assigned before the first state; null starts with none.</summary>
    public System.Text.Json.Nodes.JsonObject? Variables { get; init; }

    /// <summary>Runs the execution on from where an earlier run of it ended, rather than from the start; null starts afresh.</summary>
    public ExecutionRedrive? Redrive { get; init; }

    /// <summary>All defaults: a random name and local ARNs.</summary>
    public static ExecutionOptions Default { get; } = new();
}
