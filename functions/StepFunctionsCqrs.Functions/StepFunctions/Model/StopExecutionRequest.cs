namespace StepFunctionsCqrs.Functions.StepFunctions.Model;

/// <summary>The StopExecution request body.</summary>
public sealed record StopExecutionRequest(string ExecutionArn)
{
    /// <summary>The error name recorded on the stopped execution.</summary>
    public string? Error { get; init; }

    /// <summary>The cause recorded on the stopped execution.</summary>
    public string? Cause { get; init; }
}
