using System.Text.Json;

namespace StepFunctionsCqrs.Asl.History;

/// <summary>executionStartedEventDetails: input, role and state machine.</summary>
public sealed class ExecutionStartedEventDetails(LazyJson input, string roleArn, string stateMachineArn) : HistoryEventDetails
{
    /// <summary>The execution's input.</summary>
    public LazyJson Input { get; } = input;

    /// <summary>The role the execution runs as.</summary>
    public string RoleArn { get; } = roleArn;

    /// <summary>The state machine being executed.</summary>
    public string StateMachineArn { get; } = stateMachineArn;

    /// <inheritdoc />
    public override void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("input", Input.Text);
        PayloadDetails.Write(writer, "inputDetails");
        writer.WriteString("roleArn", RoleArn);
        writer.WriteString("stateMachineArn", StateMachineArn);
    }
}
