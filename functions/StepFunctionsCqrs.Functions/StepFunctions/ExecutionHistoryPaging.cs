using System.Runtime.CompilerServices;
using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.Functions.StepFunctions;

/// <summary>Follows nextToken through every page of an execution's history.</summary>
public static class ExecutionHistoryPaging
{
    /// <summary>Yields every history event of the execution, page after page, in the order the request asks for.</summary>
    public static async IAsyncEnumerable<HistoryEvent> GetAllExecutionHistoryAsync(
        this IStepFunctionsApi api,
        GetExecutionHistoryRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(request);
        var page = request;
        while (true)
        {
            var result = await api.GetExecutionHistoryAsync(page, cancellationToken).ConfigureAwait(false);
            foreach (var historyEvent in result.Events)
            {
                yield return historyEvent;
            }

            if (string.IsNullOrEmpty(result.NextToken))
            {
                yield break;
            }

            page = page with { NextToken = result.NextToken };
        }
    }

    /// <summary>Collects the whole history of an execution into one list, oldest event first.</summary>
    public static async Task<IReadOnlyList<HistoryEvent>> GetAllExecutionHistoryAsync(
        this IStepFunctionsApi api,
        string executionArn,
        bool includeExecutionData = true,
        CancellationToken cancellationToken = default)
    {
        var events = new List<HistoryEvent>();
        var request = new GetExecutionHistoryRequest(executionArn) { IncludeExecutionData = includeExecutionData };
        await foreach (var historyEvent in api.GetAllExecutionHistoryAsync(request, cancellationToken).ConfigureAwait(false))
        {
            events.Add(historyEvent);
        }

        return events;
    }
}
