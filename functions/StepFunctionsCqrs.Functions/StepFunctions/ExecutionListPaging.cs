using System.Runtime.CompilerServices;
using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.Functions.StepFunctions;

/// <summary>Follows nextToken through every page of ListExecutions.</summary>
public static class ExecutionListPaging
{
    /// <summary>Yields every execution the request's filters match, page after page.</summary>
    public static async IAsyncEnumerable<ExecutionListItem> ListAllExecutionsAsync(
        this IStepFunctionsApi api,
        ListExecutionsRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(request);
        var page = request;
        while (true)
        {
            var result = await api.ListExecutionsAsync(page, cancellationToken).ConfigureAwait(false);
            foreach (var execution in result.Executions)
            {
                yield return execution;
            }

            if (string.IsNullOrEmpty(result.NextToken))
            {
                yield break;
            }

            page = page with { NextToken = result.NextToken };
        }
    }
}
