using System.Text.Json;

namespace StepFunctionsCqrs.Asl.History;

/// <summary>mapIteration*EventDetails: the Map state's name and the iteration's index.</summary>
public sealed class MapIterationEventDetails(string name, int index) : HistoryEventDetails
{
    /// <summary>The Map state's name.</summary>
    public string Name { get; } = name;

    /// <summary>The zero-based item index.</summary>
    public int Index { get; } = index;

    /// <inheritdoc />
    public override void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("name", Name);
        writer.WriteNumber("index", Index);
    }
}
