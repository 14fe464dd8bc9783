using StepFunctionsCqrs.LocalCloud.Lambda;
using StepFunctionsCqrs.LocalCloud.Telemetry;

namespace StepFunctionsCqrs.LocalCloud.Pipeline;

/// <summary>How the whole local pipeline runs: port, state folder, and the knobs of its event source mapping.</summary>
public sealed record PipelineOptions
{
    /// <summary>The edge's loopback port; 0 picks a free one.</summary>
    public int Port { get; init; } = 4566;

    /// <summary>Where queues, tables, state machines and executions are kept between runs.</summary>
    public required string StateFolder { get; init; }

    /// <summary>Wipe <see cref="StateFolder"/> before starting.</summary>
    public bool Reset { get; init; }

    /// <summary>The repository root (package.json, the state machine definition).</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>Region of every ARN and of the functions' clients.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Account of every ARN.</summary>
    public string AccountId { get; init; } = "000000000000";

    /// <summary>
    /// How long a received command stays hidden before SQS delivers it again. Shorter than the six function timeouts
    /// used on AWS, so a command caught by a crash comes back within seconds of a restart.
    /// </summary>
    public int VisibilityTimeoutSeconds { get; init; } = 20;

    /// <summary>Pollers of the commands queue (Lambda's mapping scales its pollers; a few are plenty locally).</summary>
    public int Pollers { get; init; } = 3;

    /// <summary>
    /// Executions running at once; later starts wait their turn. AWS runs executions on a fleet, here they share two
    /// cores and one dynalite, so a burst started all at once would starve them all.
    /// </summary>
    public int MaxConcurrentExecutions { get; init; } = StepFunctions.ExecutionRunner.DefaultMaxConcurrent;

    /// <summary>Multiplies Wait states' and retry back-offs' durations (0 to 1; 0 runs them at once); timestamps are unchanged.</summary>
    public double DelayScale { get; init; } = 1;

    /// <summary>A mock configuration file (Step Functions Local format) whose test cases executions can be started on; null loads none.</summary>
    public string? MockConfigPath { get; init; }

    /// <summary>Injected <c>TransientStoreError</c>s in front of the in-process functions (none by default).</summary>
    public FaultInjection Faults { get; init; } = FaultInjection.None;

    /// <summary>
    /// Collect the in-process functions' spans and metric totals for <c>GET /telemetry/…</c> and <c>cqrs trace --spans</c>.
    /// Off, no span is even created unless something else in the process listens (as the tracing-overhead bench does).
    /// </summary>
    public bool CollectTelemetry { get; init; } = true;

    /// <summary>How many traces, and spans per trace, the collected spans are bounded to.</summary>
    public SpanStoreLimits SpanLimits { get; init; } = SpanStoreLimits.Default;
}
