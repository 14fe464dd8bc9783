using System.Diagnostics.Metrics;
using StepFunctionsCqrs.Functions.Metrics;

namespace StepFunctionsCqrs.Functions.Tests.TestKit;

/// <summary>
/// The pipeline's measurements made by the test that created it: a listener sees every test's measurements, but records
/// only those made on this test's own async flow, so tests running meanwhile cannot add to what it asserts.
/// </summary>
public sealed class MetricCapture : IDisposable
{
    private static readonly AsyncLocal<MetricCapture?> Owner = new();
    private readonly MeterListener listener;
    private readonly List<Measurement> measurements = [];

    public MetricCapture()
    {
        Owner.Value = this;
        listener = PipelineMetrics.Listen(Keep);
    }

    /// <summary>The values recorded on <paramref name="instrument"/> whose tags include every one of <paramref name="tags"/>.</summary>
    public IReadOnlyList<double> Values(string instrument, params (string Key, string Value)[] tags)
    {
        lock (measurements)
        {
            return [.. measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.GetValueOrDefault(t.Key) == t.Value)).Select(m => m.Value)];
        }
    }

    /// <summary>Every measurement, for a failure message.</summary>
    public override string ToString()
    {
        lock (measurements)
        {
            return string.Join("; ", measurements.Select(m => $"{m.Instrument}{{{string.Join(",", m.Tags.Select(t => $"{t.Key}={t.Value}"))}}}={m.Value}"));
        }
    }

    public void Dispose()
    {
        listener.Dispose();
        Owner.Value = null;
    }

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (Owner.Value != this)
        {
            return;
        }

        var named = tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString());
        lock (measurements)
        {
            measurements.Add(new Measurement(instrument.Name, value, named));
        }
    }

    private sealed record Measurement(string Instrument, double Value, Dictionary<string, string?> Tags);
}
