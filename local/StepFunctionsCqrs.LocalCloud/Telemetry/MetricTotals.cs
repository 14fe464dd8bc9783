using System.Diagnostics.Metrics;
using StepFunctionsCqrs.Functions.Metrics;

namespace StepFunctionsCqrs.LocalCloud.Telemetry;

/// <summary>
/// Running totals of the pipeline's metrics in this process: per instrument and tag combination, how many measurements
/// and their sum. Every tag takes a handful of values (<see cref="PipelineMetrics"/>), so the table stays small.
/// </summary>
public sealed class MetricTotals : IDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Instrument, string Tags), (string Unit, long Count, double Sum)> totals = [];
    private readonly MeterListener listener;

    /// <summary>Starts listening to the pipeline's meter.</summary>
    public MetricTotals() => listener = PipelineMetrics.Listen(Add);

    /// <summary>Every total so far, ordered by instrument and tags.</summary>
    public IReadOnlyList<MetricTotal> Read()
    {
        lock (gate)
        {
            return [.. totals
                .OrderBy(p => p.Key.Instrument, StringComparer.Ordinal).ThenBy(p => p.Key.Tags, StringComparer.Ordinal)
                .Select(p => new MetricTotal(p.Key.Instrument, p.Key.Tags, p.Value.Unit, p.Value.Count, p.Value.Sum))];
        }
    }

    /// <summary>Stops listening.</summary>
    public void Dispose() => listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new List<string>(tags.Length);
        foreach (var (name, tag) in tags)
        {
            parts.Add($"{name}={tag}");
        }

        parts.Sort(StringComparer.Ordinal);
        var key = (instrument.Name, string.Join(',', parts));
        lock (gate)
        {
            var total = totals.GetValueOrDefault(key, (instrument.Unit ?? "", 0, 0));
            totals[key] = (total.Unit, total.Count + 1, total.Sum + value);
        }
    }
}
