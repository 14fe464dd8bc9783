using System.Diagnostics.Metrics;
using StepFunctionsCqrs.Functions.Commands;

namespace StepFunctionsCqrs.Functions.Metrics;

/// <summary>
/// The pipeline's own metrics, on one <see cref="Meter"/>: what became of commands and how long it took, how hard
/// Persist fought for versions, how far each view trails the commit log, and what Dispatch left to the dead-letter
/// queue. Every tag takes a handful of values, so each combination is a metric CloudWatch can alarm on.
/// </summary>
public static class PipelineMetrics
{
    /// <summary>The meter every instrument belongs to; listen to it to collect them.</summary>
    public const string MeterName = "StepFunctionsCqrs";

    /// <summary>The <c>command_type</c> of a command whose type is not one of ours.</summary>
    public const string UnknownCommandType = "Unknown";

    /// <summary>The meter.</summary>
    public static readonly Meter Meter = new(MeterName);

    /// <summary>Commands whose final status was recorded, tagged <c>command_type</c> and <c>outcome</c>.</summary>
    public static readonly Counter<long> Commands =
        Meter.CreateCounter<long>("cqrs.commands", "{command}", "Commands whose final status was recorded, by type and outcome.");

    /// <summary>From the message's arrival in the queue to its status recorded, tagged like <see cref="Commands"/>.</summary>
    public static readonly Histogram<double> CommandLatency =
        Meter.CreateHistogram<double>("cqrs.command.latency", "ms", "From a command's arrival in the queue to its status recorded.");

    /// <summary>Appends one Persist invocation tried, tagged <c>outcome</c>: Committed, Declined or Conflict (gave up to the workflow's retry).</summary>
    public static readonly Histogram<long> PersistAttempts =
        Meter.CreateHistogram<long>("cqrs.persist.attempts", "{attempt}", "Decisions one Persist invocation made before it committed, declined or gave up.");

    /// <summary>Appends that lost the race for a version.</summary>
    public static readonly Counter<long> PersistConflicts =
        Meter.CreateCounter<long>("cqrs.persist.conflicts", "{conflict}", "Appends that lost the race for a version to another command.");

    /// <summary>
    /// How far a view trails the commands: from a command's arrival in the queue to its rows written in the view, tagged
    /// <c>view</c>. It is measured from the arrival, which every attempt knows, because a retried Persist must return its
    /// first attempt's commit byte for byte and so cannot stamp it with the time it was appended.
    /// </summary>
    public static readonly Histogram<double> ProjectionLag =
        Meter.CreateHistogram<double>("cqrs.projection.lag", "ms", "From a command's arrival in the queue to its rows written in the view.");

    /// <summary>Messages Dispatch could not turn into an execution, tagged <c>reason</c>; SQS delivers them again.</summary>
    public static readonly Counter<long> DispatchRefusals =
        Meter.CreateCounter<long>("cqrs.dispatch.refusals", "{message}", "Messages Dispatch could not turn into an execution, by reason.");

    /// <summary>Refused messages on their last delivery, which SQS now moves to the dead-letter queue, tagged <c>reason</c>.</summary>
    public static readonly Counter<long> DeadLetters =
        Meter.CreateCounter<long>("cqrs.dead_letters", "{message}", "Messages refused on their last delivery, moved to the dead-letter queue.");

    /// <summary>A started listener that hands <paramref name="measured"/> every measurement of this meter's instruments, as a double.</summary>
    public static MeterListener Listen(Action<Instrument, double, ReadOnlySpan<KeyValuePair<string, object?>>> measured)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measured(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measured(instrument, value, tags));
        listener.Start();
        return listener;
    }

    /// <summary>Counts a recorded status and its latency from <paramref name="sentTimestamp"/> (Unix ms; 0 when unknown).</summary>
    public static void CommandEnded(string? commandType, string outcome, long sentTimestamp, DateTimeOffset now)
    {
        var tags = new KeyValuePair<string, object?>[] { new("command_type", KnownType(commandType)), new("outcome", outcome) };
        Commands.Add(1, tags);
        if (sentTimestamp > 0)
        {
            CommandLatency.Record(Math.Max(0, (now - DateTimeOffset.FromUnixTimeMilliseconds(sentTimestamp)).TotalMilliseconds), tags);
        }
    }

    /// <summary>Records one Persist invocation's decisions on an inventory; each but a committed or declined last one lost a race.</summary>
    public static void Persisted(int attempts, string outcome)
    {
        PersistAttempts.Record(attempts, new KeyValuePair<string, object?>("outcome", outcome));
        var conflicts = outcome == "Conflict" ? attempts : attempts - 1;
        if (conflicts > 0)
        {
            PersistConflicts.Add(conflicts);
        }
    }

    /// <summary>Records a view's lag behind a command that arrived at <paramref name="arrived"/>.</summary>
    public static void Projected(string view, DateTimeOffset arrived, DateTimeOffset now) =>
        ProjectionLag.Record(Math.Max(0, (now - arrived).TotalMilliseconds), new KeyValuePair<string, object?>("view", view));

    /// <summary>Counts a refused message, and a dead letter when this was its last delivery.</summary>
    public static void DispatchRefused(string reason, int receiveCount, int? maxReceiveCount)
    {
        var tag = new KeyValuePair<string, object?>("reason", reason);
        DispatchRefusals.Add(1, tag);
        if (maxReceiveCount is { } max && receiveCount >= max)
        {
            DeadLetters.Add(1, tag);
        }
    }

    // The type comes from a body anyone could send; only the known names become a dimension.
    private static string KnownType(string? commandType) =>
        commandType is not null && CommandTypes.SchemaVersions.ContainsKey(commandType) ? commandType : UnknownCommandType;
}
