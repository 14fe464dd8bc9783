namespace StepFunctionsCqrs.EndToEnd.Tests.Model;

/// <summary>What one run of a workload sent, what the host held at the crash, and what was left behind.</summary>
/// <param name="Messages">Everything sent, with SQS message ids.</param>
/// <param name="Observed">What the public APIs showed once every message had an end (or patience ran out).</param>
/// <param name="RunningAtCrash">Executions of the run still RUNNING just before the kill.</param>
/// <param name="Unsettled">Messages still without an end when the host had nothing left to do.</param>
/// <param name="Duration">How long the run took.</param>
public sealed record WorkloadRun(WorkloadMessages Messages, ObservedPipeline Observed, int RunningAtCrash, IReadOnlyList<SentMessage> Unsettled, TimeSpan Duration);
