using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>Reads a state machine definition and one execution's history (as GetExecutionHistory returns it) into what the console's execution page shows.</summary>
public static class ExecutionAnalyzer
{
    /// <summary>
    /// Analyzes a finished or running execution. A definition that is not JSON gives a graph of just start and end; a
    /// partial history (a running execution, a missing event or details object) gives what can be told from it.
    /// </summary>
    public static ExecutionAnalysis Analyze(string definitionJson, IReadOnlyList<HistoryEvent> history)
    {
        var root = ParseDefinition(definitionJson);
        var definition = new DefinitionIndex(root);
        var fold = HistoryFold.Of(definition, history);
        var statuses = new StatusRules(fold, definition);

        FailurePoint? failure = null;
        RunBuilder? culprit = null;
        string? error = null, cause = null;
        if (fold.Ended is { Type: "ExecutionFailed" or "ExecutionTimedOut" or "ExecutionAborted" } ended)
        {
            culprit = FailureLocator.Culprit(fold, statuses);
            error = EventDetails.String(ended, "error");
            cause = EventDetails.String(ended, "cause");
            // An abort without a reason still needs a name on the page: the event type says what happened.
            failure = new FailurePoint(error ?? ended.Type, cause, culprit?.Name, culprit is null ? null : $"run-{culprit.Entered.Id}");
        }

        var projection = new StateRunProjection(fold, definition, statuses, culprit, error, cause);

        var graph = new GraphBuilder(new GraphStatuses(fold, statuses).Of).Build(root);
        return new ExecutionAnalysis(graph, [.. fold.Root.Runs.Select(projection.Project)], fold.Transitions, failure);
    }

    private static JsonObject? ParseDefinition(string definitionJson)
    {
        try
        {
            return JsonNode.Parse(definitionJson) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
