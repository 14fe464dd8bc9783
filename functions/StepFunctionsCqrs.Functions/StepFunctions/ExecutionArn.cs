namespace StepFunctionsCqrs.Functions.StepFunctions;

/// <summary>How Step Functions names an execution: its state machine's ARN with <c>execution</c> for <c>stateMachine</c>, then the execution name.</summary>
public static class ExecutionArn
{
    private const string Marker = ":stateMachine:";

    /// <summary>The ARN of the execution called <paramref name="name"/> under the state machine, or null when the ARN names no state machine.</summary>
    public static string? TryFor(string stateMachineArn, string name)
    {
        var at = stateMachineArn.IndexOf(Marker, StringComparison.Ordinal);
        return at < 0 ? null : $"{stateMachineArn[..at]}:execution:{stateMachineArn[(at + Marker.Length)..]}:{name}";
    }
}
