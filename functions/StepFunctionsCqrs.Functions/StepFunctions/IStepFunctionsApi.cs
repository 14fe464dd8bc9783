using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.Functions.StepFunctions;

/// <summary>The wider set of Step Functions operations used by tooling: inspecting state machines, listing, tracing and stopping executions.</summary>
public interface IStepFunctionsApi : IStepFunctionsClient
{
    /// <summary>Starts an execution with every option StartExecution accepts.</summary>
    Task<StartExecutionResult> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists one page of executions of a state machine (or map run).</summary>
    Task<ListExecutionsResult> ListExecutionsAsync(ListExecutionsRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of an execution's event history.</summary>
    Task<GetExecutionHistoryResult> GetExecutionHistoryAsync(GetExecutionHistoryRequest request, CancellationToken cancellationToken = default);

    /// <summary>Describes a state machine: its name, definition and role.</summary>
    Task<DescribeStateMachineResult> DescribeStateMachineAsync(string stateMachineArn, CancellationToken cancellationToken = default);

    /// <summary>Lists one page of the account's state machines.</summary>
    Task<ListStateMachinesResult> ListStateMachinesAsync(ListStateMachinesRequest request, CancellationToken cancellationToken = default);

    /// <summary>Stops a running execution with an optional error and cause.</summary>
    Task<StopExecutionResult> StopExecutionAsync(string executionArn, string? error = null, string? cause = null, CancellationToken cancellationToken = default);
}
