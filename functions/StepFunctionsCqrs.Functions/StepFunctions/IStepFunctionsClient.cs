namespace StepFunctionsCqrs.Functions.StepFunctions;
/// <summary>The Step Functions operations the system uses.</summary>
public interface IStepFunctionsClient
{
    Task<StartExecutionResult> StartExecutionAsync(string stateMachineArn, string name, string input, CancellationToken cancellationToken = default);
}
/// <summary>The identity of a started execution.</summary>
public sealed record StartExecutionResult(string ExecutionArn, DateTimeOffset StartDate);
/// <summary>Thrown when an execution with the same name already exists with different input or has finished.</summary>
public sealed class ExecutionAlreadyExistsException(string message) : Exception(message);
