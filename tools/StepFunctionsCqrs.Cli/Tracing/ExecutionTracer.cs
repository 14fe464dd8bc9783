using StepFunctionsCqrs.Cli.Status;
using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.Functions.StepFunctions.Errors;
using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.Cli.Tracing;

/// <summary>Fetches a command's execution and its whole history.</summary>
public sealed class ExecutionTracer(IStepFunctionsApi stepFunctions, string stateMachineArn, string endpointForMessages)
{
    /// <summary>The execution's description and timeline; a clear error when the command never became an execution.</summary>
    public async Task<(DescribeExecutionResult Execution, ExecutionTimeline Timeline)> TraceAsync(string commandId, CancellationToken cancellationToken)
    {
        var executionArn = ExecutionArns.For(stateMachineArn, commandId);
        try
        {
            var execution = await TargetErrors.GuardAsync(
                () => stepFunctions.DescribeExecutionAsync(executionArn, cancellationToken), endpointForMessages, stateMachineArn).ConfigureAwait(false);
            var history = await stepFunctions.GetAllExecutionHistoryAsync(executionArn, includeExecutionData: false, cancellationToken).ConfigureAwait(false);
            return (execution, TimelineBuilder.Build(history));
        }
        catch (ExecutionDoesNotExistException e)
        {
            throw new CliException(
                $"No execution named '{commandId}' exists under {stateMachineArn}: the command is still queued, was dead-lettered (see 'cqrs dlq list'), or the id is wrong.", e);
        }
    }
}
