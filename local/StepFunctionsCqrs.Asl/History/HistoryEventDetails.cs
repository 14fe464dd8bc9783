using System.Text.Json;

namespace StepFunctionsCqrs.Asl.History;

/// <summary>The details object of a history event, written in GetExecutionHistory's shape.</summary>
public abstract class HistoryEventDetails
{
    /// <summary>Writes the members of the details object (without the enclosing braces).</summary>
    public abstract void WriteMembers(Utf8JsonWriter writer);
}
