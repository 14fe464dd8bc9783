using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl;

/// <summary>Runs the work behind a Task state's Resource. A task error is thrown as a StatesException(error, cause).</summary>
public interface ITaskInvoker
{
    /// <summary>Invokes the resource with the task's effective input and returns its raw result.</summary>
    ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken);
}
