using System.Text.Json;
using StepFunctionsCqrs.Cli.Tracing;
using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.Cli.Bench;

/// <summary>
/// What one execution is billed for, read from its event history: state transitions counted as Step Functions Standard
/// bills them (one per state entered, Succeed and Fail states and the states inside Parallel branches included, plus
/// one per retry of a task), the Lambda invocations of its tasks and how long each ran, and how long the execution took.
/// </summary>
/// <param name="StateTransitions">States entered plus task retries.</param>
/// <param name="Invocations">Task invocations per function name (the last segment of the function ARN).</param>
/// <param name="BilledMilliseconds">Per function name: the invocations' run time, each rounded up to a whole millisecond as Lambda bills it.</param>
/// <param name="Duration">From ExecutionStarted to the execution's last event; zero while it runs.</param>
public sealed record ExecutionUsage(
    int StateTransitions, IReadOnlyDictionary<string, int> Invocations, IReadOnlyDictionary<string, long> BilledMilliseconds, TimeSpan Duration)
{
    /// <summary>Reads one execution's history.</summary>
    public static ExecutionUsage Of(IReadOnlyList<HistoryEvent> history)
    {
        // A retry shows as another attempt inside the same state visit, not as another state entered.
        var timeline = TimelineBuilder.Build(history);
        var transitions = timeline.States.Count + timeline.States.Sum(s => s.Retries);

        var byId = history.ToDictionary(e => e.Id);
        var invocations = new Dictionary<string, int>(StringComparer.Ordinal);
        var billed = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var e in history)
        {
            if (e.Type == "LambdaFunctionScheduled" && FunctionOf(e) is { } scheduled)
            {
                invocations[scheduled] = invocations.GetValueOrDefault(scheduled) + 1;
            }
            else if (e.Type is "LambdaFunctionSucceeded" or "LambdaFunctionFailed" or "LambdaFunctionTimedOut"
                && StartOf(e, byId) is { } start && FunctionOf(start.Scheduled) is { } function)
            {
                billed[function] = billed.GetValueOrDefault(function) + (long)Math.Ceiling(Math.Max(0, (e.Timestamp - start.Started.Timestamp).TotalMilliseconds));
            }
        }

        var duration = timeline.Started is { } started && timeline.Ended is { } ended ? ended - started : TimeSpan.Zero;
        return new ExecutionUsage(transitions, invocations, billed, duration);
    }

    // The function a LambdaFunctionScheduled event names: arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>].
    private static string? FunctionOf(HistoryEvent scheduled)
    {
        if (scheduled.Details is null || !scheduled.Details.TryGetValue("lambdaFunctionScheduledEventDetails", out var details)
            || details.ValueKind != JsonValueKind.Object || !details.TryGetProperty("resource", out var resource) || resource.GetString() is not { } arn)
        {
            return null;
        }

        var parts = arn.Split(':');
        var at = Array.IndexOf(parts, "function");
        return at >= 0 && at + 1 < parts.Length ? parts[at + 1] : arn;
    }

    // Walks back along previousEventId from a Lambda outcome to the attempt's Started and Scheduled events.
    private static (HistoryEvent Started, HistoryEvent Scheduled)? StartOf(HistoryEvent outcome, IReadOnlyDictionary<long, HistoryEvent> byId)
    {
        HistoryEvent? started = null;
        for (var (id, steps) = (outcome.PreviousEventId, 0); id > 0 && steps < byId.Count && byId.TryGetValue(id, out var e); id = e.PreviousEventId, steps++)
        {
            if (e.Type == "LambdaFunctionStarted")
            {
                started ??= e;
            }
            else if (e.Type == "LambdaFunctionScheduled")
            {
                return (started ?? e, e);
            }
            else if (e.Type.EndsWith("StateEntered", StringComparison.Ordinal))
            {
                return null;
            }
        }

        return null;
    }
}
