using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.Functions.StepFunctions.Errors;

namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>Reads one execution, its state machine's definition and its whole history, and analyses them for the page.</summary>
public sealed class ExecutionInspector(ConsoleConnection connection)
{
    /// <summary>The execution <paramref name="name"/> of state machine <paramref name="machine"/>; a 404 saying where it was looked for when there is none.</summary>
    public async Task<ExecutionDetails> InspectAsync(string machine, string name, CancellationToken cancellationToken)
    {
        ConsoleQuery.Name(machine, "stateMachine");
        ConsoleQuery.Name(name, "execution");
        var pipeline = connection.Clients.Resources.StateMachineArn;
        var arn = ExecutionArn.TryFor(connection.Clients.StateMachineArn(machine), name)!;
        Functions.StepFunctions.Model.DescribeExecutionResult execution;
        try
        {
            execution = await connection.Clients.StepFunctions.DescribeExecutionAsync(arn, cancellationToken).ConfigureAwait(false);
        }
        catch (ExecutionDoesNotExistException)
        {
            throw ConsoleProblem.NotFound("ExecutionNotFound",
                $"No execution named '{name}' exists under the state machine '{machine}' ({arn}). A command that is still queued or was dead-lettered has no execution yet: see Queues.");
        }

        var definition = await DefinitionAsync(execution.StateMachineArn, cancellationToken).ConfigureAwait(false);
        var history = await connection.Clients.StepFunctions.GetAllExecutionHistoryAsync(arn, includeExecutionData: true, cancellationToken).ConfigureAwait(false);
        var header = new ExecutionHeader(
            execution.ExecutionArn, execution.StateMachineArn, execution.Name, execution.Status, execution.StartDate, execution.StopDate,
            execution.StopDate is { } stop ? (stop - execution.StartDate).TotalMilliseconds : null,
            JsonPayload.Parse(execution.Input), JsonPayload.Parse(execution.Output), execution.Error, execution.Cause);
        var commandId = execution.StateMachineArn == pipeline ? execution.Name : null;
        return new ExecutionDetails(header, machine, commandId, ExecutionAnalyzer.Analyze(definition, history), history);
    }

    // A deleted state machine leaves its executions readable; the page then shows their history without a graph.
    private async Task<string> DefinitionAsync(string stateMachineArn, CancellationToken cancellationToken)
    {
        try
        {
            return (await connection.Clients.StepFunctions.DescribeStateMachineAsync(stateMachineArn, cancellationToken).ConfigureAwait(false)).Definition;
        }
        catch (StateMachineDoesNotExistException)
        {
            return "";
        }
    }
}
