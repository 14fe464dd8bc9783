using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Tests.Support;

/// <summary>Stands in for the AWS services behind Task resources: each resource answers with a small scripted function.</summary>
public sealed class ScriptedTasks : ITaskInvoker
{
    private readonly Dictionary<string, Func<TaskInvocation, ValueTask<JsonNode?>>> _handlers = new(StringComparer.Ordinal);

    public ConcurrentQueue<TaskInvocation> Calls { get; } = new();

    public ScriptedTasks On(string resource, Func<JsonNode?, JsonNode?> handler)
    {
        _handlers[resource] = invocation => ValueTask.FromResult(handler(invocation.Input));
        return this;
    }

    public ScriptedTasks OnCall(string resource, Func<TaskInvocation, ValueTask<JsonNode?>> handler)
    {
        _handlers[resource] = handler;
        return this;
    }

    public int CallsTo(string resource) => Calls.Count(c => c.Resource == resource);

    public ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        Calls.Enqueue(invocation);
        if (!_handlers.TryGetValue(invocation.Resource, out var handler))
        {
            throw new InvalidOperationException($"No scripted handler for resource '{invocation.Resource}'.");
        }
        return handler(invocation);
    }
}
