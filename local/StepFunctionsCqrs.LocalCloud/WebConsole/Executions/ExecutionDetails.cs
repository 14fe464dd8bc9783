using System.Text.Json.Nodes;
using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>Everything the execution page shows, read through DescribeExecution, DescribeStateMachine and GetExecutionHistory.</summary>
/// <param name="Execution">The execution as DescribeExecution tells it, input and output parsed.</param>
/// <param name="StateMachineName">Its state machine's name.</param>
/// <param name="CommandId">The command it processes, when it belongs to the command pipeline (its name is the command id).</param>
/// <param name="Analysis">The graph with each state's status, the states run, the failure.</param>
/// <param name="Events">The whole history, oldest first.</param>
public sealed record ExecutionDetails(
    ExecutionHeader Execution,
    string StateMachineName,
    string? CommandId,
    ExecutionAnalysis Analysis,
    IReadOnlyList<HistoryEvent> Events);

/// <summary>The execution page's header.</summary>
public sealed record ExecutionHeader(
    string ExecutionArn,
    string StateMachineArn,
    string Name,
    string Status,
    DateTimeOffset StartDate,
    DateTimeOffset? StopDate,
    double? DurationMs,
    JsonNode? Input,
    JsonNode? Output,
    string? Error,
    string? Cause);
