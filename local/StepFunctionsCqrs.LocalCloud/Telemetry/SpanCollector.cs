using System.Diagnostics;
using System.Globalization;
using StepFunctionsCqrs.Functions.Tracing;

namespace StepFunctionsCqrs.LocalCloud.Telemetry;

/// <summary>
/// Listens to the pipeline's <see cref="PipelineTrace.Source"/> in this process and keeps every span it ends in a
/// <see cref="SpanStore"/>: the in-process functions' traces, without an OTLP collector. Listening is what makes the
/// functions create spans at all, so while no collector (or SDK) listens, tracing costs nothing.
/// </summary>
public sealed class SpanCollector : IDisposable
{
    private readonly ActivityListener listener;

    /// <summary>Starts listening; spans end up in <paramref name="store"/>.</summary>
    public SpanCollector(SpanStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        Store = store;
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PipelineTrace.SourceName,
            // Locally every command is worth seeing; a sampling decision belongs to the deployed exporter's configuration.
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => store.Add(Record(activity)),
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>Where the spans go.</summary>
    public SpanStore Store { get; }

    /// <summary>The record kept of a finished span.</summary>
    public static SpanRecord Record(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in activity.TagObjects)
        {
            if (value is not null)
            {
                tags[key] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            }
        }

        var parent = activity.ParentSpanId == default ? null : activity.ParentSpanId.ToHexString();
        return new SpanRecord(
            activity.TraceId.ToHexString(),
            activity.SpanId.ToHexString(),
            parent,
            activity.DisplayName,
            activity.Kind.ToString(),
            new DateTimeOffset(activity.StartTimeUtc, TimeSpan.Zero),
            Math.Round(activity.Duration.TotalMilliseconds, 3),
            activity.Status.ToString(),
            activity.StatusDescription,
            tags.GetValueOrDefault(PipelineTrace.CommandIdTag),
            tags);
    }

    /// <summary>Stops listening; the store keeps what it has.</summary>
    public void Dispose() => listener.Dispose();
}
