using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.Functions.StepFunctions;

/// <summary>The Step Functions operations the system uses.</summary>
public interface IStepFunctionsClient
{
    /// <summary>Starts a named execution; throws <see cref="ExecutionAlreadyExistsException"/> when the name is taken by a different run.</summary>
    Task<StartExecutionResult> StartExecutionAsync(string stateMachineArn, string name, string input, CancellationToken cancellationToken = default);

    /// <summary>Describes one execution: status, input, output, error and cause.</summary>
    Task<DescribeExecutionResult> DescribeExecutionAsync(string executionArn, CancellationToken cancellationToken = default);
}
