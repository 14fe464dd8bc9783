namespace StepFunctionsCqrs.Functions.StepFunctions.Model;

/// <summary>The StartExecution request body.</summary>
public sealed record StartExecutionRequest(string StateMachineArn)
{
    /// <summary>Execution name; Step Functions makes a start with the same name and input idempotent.</summary>
    public string? Name { get; init; }

    /// <summary>The execution input as a JSON text.</summary>
    public string? Input { get; init; }

    /// <summary>An X-Ray trace header to continue an existing trace.</summary>
    public string? TraceHeader { get; init; }
}
