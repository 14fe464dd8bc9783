using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl;

namespace StepFunctionsCqrs.Benchmarks.Machines;

/// <summary>
/// Task resources that do no work and answer with a fixed JSON shape per resource, so a benchmark measures the engine
/// rather than the tasks. A fresh result node per call, because the engine attaches results to the state output.
/// </summary>
public sealed class NoOpTaskInvoker(IReadOnlyDictionary<string, Func<JsonNode?>> resultsByResource) : ITaskInvoker
{
    /// <inheritdoc />
    public ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        if (!resultsByResource.TryGetValue(invocation.Resource, out var result))
        {
            throw new InvalidOperationException($"No benchmark result for resource '{invocation.Resource}' (state '{invocation.StateName}').");
        }
        return ValueTask.FromResult(result());
    }
}
