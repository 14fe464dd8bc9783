using System.Text;
using StepFunctionsCqrs.Functions.Dispatching;

namespace StepFunctionsCqrs.Cli.DeadLetters;

/// <summary>Why a dead-lettered body could not become an execution, by the dispatcher's own rules.</summary>
public static class DeadLetterDiagnosis
{
    // The execution input wraps the body in {"command": ..., "sqs": {messageId, senderId, sentTimestamp, receiveCount}}.
    private const int ExecutionContextAllowanceBytes = 512;

    /// <summary>The reason, naming what was wrong with the body.</summary>
    public static string Why(string? body)
    {
        if (DispatchableBody.Problem(body, out var commandId, out _) is { } problem)
        {
            return problem;
        }

        var size = Encoding.UTF8.GetByteCount(body!);
        return size + ExecutionContextAllowanceBytes > MessageDispatcher.MaxBodyBytes
            ? $"The body is {size} bytes; wrapped with its SQS context the execution input would exceed the {MessageDispatcher.MaxBodyBytes} bytes Step Functions accepts."
            : $"The command '{commandId}' is well-formed enough to dispatch; it was dead-lettered after repeated dispatch failures (see the dispatcher's log).";
    }
}
