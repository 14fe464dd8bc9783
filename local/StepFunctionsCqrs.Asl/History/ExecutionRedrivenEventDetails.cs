using System.Text.Json;

namespace StepFunctionsCqrs.Asl.History;

/// <summary>Details of ExecutionRedriven: how many times the execution has been redriven, this time included.</summary>
public sealed class ExecutionRedrivenEventDetails(int redriveCount) : HistoryEventDetails
{
    /// <summary>The redrive count.</summary>
    public int RedriveCount { get; } = redriveCount;

    /// <inheritdoc />
    public override void WriteMembers(Utf8JsonWriter writer) => writer.WriteNumber("redriveCount", RedriveCount);
}
