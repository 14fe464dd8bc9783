using System.Collections;
using System.Text;
using System.Text.Json;

namespace StepFunctionsCqrs.Asl.History;

/// <summary>The events of one execution in order; ids are monotonic and each event names the event that led to it.</summary>
public sealed class ExecutionHistory : IReadOnlyList<HistoryEvent>
{
    private readonly List<HistoryEvent> _events = new(16);
    private readonly long _priorEvents;

    /// <summary>An empty history whose first event has id 1.</summary>
    public ExecutionHistory()
    {
    }

    /// <summary>The history of a redriven run: it holds only the new events, numbered on after <paramref name="priorEvents"/>.</summary>
    public ExecutionHistory(long priorEvents) => _priorEvents = priorEvents;

    /// <inheritdoc />
    public int Count
    {
        get { lock (_events) return _events.Count; }
    }

    /// <inheritdoc />
    public HistoryEvent this[int index]
    {
        get { lock (_events) return _events[index]; }
    }

    /// <summary>Appends an event and returns its id; safe to call from concurrent branches.</summary>
    internal long Add(long previousEventId, DateTimeOffset timestamp, string type, HistoryEventDetails? details)
    {
        lock (_events)
        {
            var id = _priorEvents + _events.Count + 1L;
            _events.Add(new HistoryEvent(id, previousEventId, timestamp, type, details));
            return id;
        }
    }

    /// <inheritdoc />
    public IEnumerator<HistoryEvent> GetEnumerator()
    {
        HistoryEvent[] snapshot;
        lock (_events) snapshot = _events.ToArray();
        return ((IEnumerable<HistoryEvent>)snapshot).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Writes {"events": [...]} the way GetExecutionHistory returns it.</summary>
    public void WriteTo(Utf8JsonWriter writer, bool reverseOrder = false)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("events");
        var events = this.ToList();
        if (reverseOrder) events.Reverse();
        foreach (var e in events) e.WriteTo(writer);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The history as GetExecutionHistory JSON.</summary>
    public string ToJson(bool reverseOrder = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream)) WriteTo(writer, reverseOrder);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
