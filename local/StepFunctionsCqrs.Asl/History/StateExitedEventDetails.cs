using System.Text.Json;

namespace StepFunctionsCqrs.Asl.History;

/// <summary>stateExitedEventDetails: the state's name and output.</summary>
public sealed class StateExitedEventDetails(string name, LazyJson output) : HistoryEventDetails
{
    /// <summary>The state's name.</summary>
    public string Name { get; } = name;

    /// <summary>The state's output.</summary>
    public LazyJson Output { get; } = output;

    /// <inheritdoc />
    public override void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("name", Name);
        writer.WriteString("output", Output.Text);
        PayloadDetails.Write(writer, "outputDetails");
    }
}
