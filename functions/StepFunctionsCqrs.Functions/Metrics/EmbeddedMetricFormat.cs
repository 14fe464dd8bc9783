using System.Diagnostics.Metrics;
using System.Text.Json;

namespace StepFunctionsCqrs.Functions.Metrics;

/// <summary>
/// The pipeline's metrics as CloudWatch embedded metric format: every measurement of <see cref="PipelineMetrics"/> is kept
/// until <see cref="Flush"/>, which writes one log line per instrument and tag set. CloudWatch Logs turns each line into
/// metrics in <c>Namespace</c>, one per tag set, which alarms can use; a histogram's line carries its raw values, so
/// CloudWatch computes the percentiles itself.
/// </summary>
public sealed class EmbeddedMetricFormat : IDisposable
{
    /// <summary>The variable naming the CloudWatch namespace; the format is written only when it is set.</summary>
    public const string NamespaceVariable = "CQRS_METRICS_NAMESPACE";

    /// <summary>The namespace the deployed functions write to and the alarms read.</summary>
    public const string DefaultNamespace = "StepFunctionsCqrs";

    // EMF accepts at most 100 values for one metric in one document.
    private const int MaxValuesPerLine = 100;

    private readonly string metricsNamespace;
    private readonly TextWriter output;
    private readonly TimeProvider timeProvider;
    private readonly MeterListener listener;
    private readonly Dictionary<(Instrument Instrument, string Tags), Series> pending = [];
    private readonly Lock gate = new();

    /// <summary>Listens to the pipeline's meter, writing to <paramref name="output"/> under <paramref name="metricsNamespace"/>.</summary>
    public EmbeddedMetricFormat(string metricsNamespace, TextWriter output, TimeProvider timeProvider)
    {
        this.metricsNamespace = metricsNamespace;
        this.output = output;
        this.timeProvider = timeProvider;
        listener = PipelineMetrics.Listen(Keep);
    }

    /// <summary>Writes what was measured since the last flush and forgets it.</summary>
    public void Flush()
    {
        List<KeyValuePair<(Instrument Instrument, string Tags), Series>> taken;
        lock (gate)
        {
            if (pending.Count == 0)
            {
                return;
            }

            taken = [.. pending];
            pending.Clear();
        }

        var timestamp = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var ((instrument, _), series) in taken)
        {
            if (instrument is Counter<long> or Counter<double>)
            {
                WriteLine(timestamp, instrument, series.Tags, [series.Values.Sum()]);
                continue;
            }

            foreach (var chunk in series.Values.Chunk(MaxValuesPerLine))
            {
                WriteLine(timestamp, instrument, series.Tags, chunk);
            }
        }

        output.Flush();
    }

    /// <inheritdoc />
    public void Dispose() => listener.Dispose();

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var sorted = tags.ToArray().OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, Value: t.Value?.ToString() ?? "")).ToArray();
        var key = (instrument, string.Join('\u001f', sorted.Select(t => $"{t.Key}={t.Value}")));
        lock (gate)
        {
            if (!pending.TryGetValue(key, out var series))
            {
                pending[key] = series = new Series(sorted);
            }

            series.Values.Add(value);
        }
    }

    private void WriteLine(long timestamp, Instrument instrument, (string Key, string Value)[] tags, IReadOnlyList<double> values)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", timestamp);
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", metricsNamespace);
            json.WriteStartArray("Dimensions");
            json.WriteStartArray();
            foreach (var (key, _) in tags)
            {
                json.WriteStringValue(key);
            }

            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            json.WriteStartObject();
            json.WriteString("Name", instrument.Name);
            json.WriteString("Unit", instrument.Unit == "ms" ? "Milliseconds" : "Count");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            foreach (var (key, value) in tags)
            {
                json.WriteString(key, value);
            }

            if (values.Count == 1)
            {
                json.WriteNumber(instrument.Name, values[0]);
            }
            else
            {
                json.WriteStartArray(instrument.Name);
                foreach (var value in values)
                {
                    json.WriteNumberValue(value);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private sealed record Series((string Key, string Value)[] Tags)
    {
        public List<double> Values { get; } = [];
    }
}
