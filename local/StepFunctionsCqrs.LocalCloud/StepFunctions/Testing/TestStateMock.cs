using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl;
using StepFunctionsCqrs.Asl.Common;

namespace StepFunctionsCqrs.LocalCloud.StepFunctions.Testing;

/// <summary>TestState's <c>mock</c>: the tested Task's resource is not called, and answers with the result or error given.</summary>
internal sealed class TestStateMock(JsonNode? result, string? error, string? cause) : ITaskInvoker
{
    /// <inheritdoc />
    public ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken) =>
        error is null
            ? ValueTask.FromResult(result?.DeepClone())
            : ValueTask.FromException<JsonNode?>(new StatesException(error, cause ?? ""));
}
