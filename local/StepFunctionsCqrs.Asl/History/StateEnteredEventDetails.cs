using System.Text.Json;

namespace StepFunctionsCqrs.Asl.History;

/// <summary>stateEnteredEventDetails: the state's name and raw input.</summary>
public sealed class StateEnteredEventDetails(string name, LazyJson input) : HistoryEventDetails
{
    /// <summary>The state's name.</summary>
    public string Name { get; } = name;

    /// <summary>The raw input the state received.</summary>
    public LazyJson Input { get; } = input;

    /// <inheritdoc />
    public override void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("name", Name);
        writer.WriteString("input", Input.Text);
        PayloadDetails.Write(writer, "inputDetails");
    }
}
