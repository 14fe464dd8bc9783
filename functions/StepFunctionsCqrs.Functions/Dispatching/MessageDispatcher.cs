using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StepFunctionsCqrs.Domain.Outcomes;
using StepFunctionsCqrs.Functions.Authorization;
using StepFunctionsCqrs.Functions.Commands;
using StepFunctionsCqrs.Functions.Contracts;
using StepFunctionsCqrs.Functions.Json;
using StepFunctionsCqrs.Functions.Sqs;
using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.Functions.Tracing;

namespace StepFunctionsCqrs.Functions.Dispatching;

/// <summary>
/// Turns one SQS message into one workflow execution named by its command id. Everything except the command id is
/// left to Validate, so a bad command still gets a recorded rejection; only a message without a usable command id, or
/// whose command id already names an execution of a different command, cannot become an execution, and it is left to
/// SQS's redrive policy to dead-letter.
/// </summary>
public sealed class MessageDispatcher(IStepFunctionsClient stepFunctions, string stateMachineArn, ILogger? logger = null)
{
    private readonly ILogger log = logger ?? NullLogger.Instance;

    /// <summary>The largest body the dispatcher accepts; the execution input adds only the SQS context to it.</summary>
    public const int MaxBodyBytes = DispatchableBody.MaxBytes;

    /// <summary>Starts the message's execution, never throwing for one message's problems.</summary>
    public async Task<DispatchOutcome> DispatchAsync(SqsMessage message, CancellationToken cancellationToken)
    {
        using var scope = log.BeginScope(new Dictionary<string, object?>
        {
            ["state"] = "Dispatch", ["messageId"] = message.MessageId, ["receiveCount"] = message.Attribute("ApproximateReceiveCount"),
        });
        if (DispatchableBody.Problem(message.Body, out var commandId, out var command) is { } reason)
        {
            log.LogWarning("Message cannot become an execution; leaving it to the dead-letter queue: {Reason}", reason);
            return DispatchOutcome.Unusable;
        }

        using var commandScope = log.BeginScope(new Dictionary<string, object?> { ["commandId"] = commandId });
        // The execution continues this span; the sender's traceparent, if it sent a valid one, is its parent.
        var received = message.MessageAttribute(PipelineTrace.MessageAttribute);
        using var span = PipelineTrace.Source.StartActivity("Dispatch", ActivityKind.Consumer, PipelineTrace.ParentFrom(received));
        span?.SetTag(PipelineTrace.CommandIdTag, commandId);
        span?.SetTag("messaging.message.id", message.MessageId);

        var input = JsonSerializer.Serialize(new ExecutionInput(command, Context(message) with { TraceParent = PipelineTrace.TraceParentOf(span, received) }), HandlerJson.Options);
        try
        {
            var started = await stepFunctions.StartExecutionAsync(stateMachineArn, commandId, input, cancellationToken).ConfigureAwait(false);
            log.LogDebug("Execution started: {ExecutionArn}", started.ExecutionArn);
            return DispatchOutcome.Started;
        }
        catch (ExecutionAlreadyExistsException)
        {
            return await ExistingAsync(message, commandId, command, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            log.LogWarning(e, "StartExecution failed with {ErrorName}; SQS will deliver the message again", e.GetType().Name);
            return DispatchOutcome.Failed;
        }
    }

    private async Task<DispatchOutcome> ExistingAsync(SqsMessage message, string commandId, JsonElement command, CancellationToken cancellationToken)
    {
        ExistingCommand existing;
        try
        {
            existing = await CommandIdReuse.CheckAsync(stepFunctions, stateMachineArn, commandId, command, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            log.LogWarning(e, "The execution of this command id exists but DescribeExecution failed with {ErrorName}; SQS will deliver the message again", e.GetType().Name);
            return DispatchOutcome.Failed;
        }

        switch (existing)
        {
            case ExistingCommand.Same:
                // A redelivery of a message whose execution already started; the command id makes this a no-op.
                return DispatchOutcome.AlreadyStarted;
            case ExistingCommand.Different:
                // Counting this as started would drop the second command without a trace; dead-lettered, it stays visible.
                log.LogWarning("{ReasonCode}: the command id {QuotedCommandId} already names an execution started with a different command; leaving the message to the dead-letter queue",
                    ReasonCodes.CommandIdReused, QuotedValue.Of(commandId));
                return DispatchOutcome.Reused;
            default:
                // Refused as existing yet not found: the name is held by something Describe cannot see yet; try again later.
                log.LogWarning("StartExecution said the execution exists but DescribeExecution found none; SQS will deliver the message again");
                return DispatchOutcome.Failed;
        }
    }

    // The caller attributes travel as sent; Validate decides whether the sender is one whose attributes are trusted.
    // One over its limit is dropped, so no sender can swell the execution input past Step Functions' payload limit.
    private static SqsContext Context(SqsMessage message) => new(
        message.MessageId,
        message.Attribute("SenderId") ?? "",
        long.TryParse(message.Attribute("SentTimestamp"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var sent) ? sent : 0,
        message.ReceiveCount,
        Bounded(message, CallerAttributes.Principal, FieldLimits.MaxCallerPrincipalLength) is { } principal
            ? new CallerContext(
                principal,
                Bounded(message, CallerAttributes.Scheme, FieldLimits.MaxTypeLength) ?? CallerAttributes.IamScheme,
                WithoutPrefix(Bounded(message, CallerAttributes.Groups, FieldLimits.MaxCallerGroupsLength), CallerAttributes.GroupsPrefix))
            : null,
        Bounded(message, CallerAttributes.OriginalSender, FieldLimits.MaxSenderIdLength));

    private static string? WithoutPrefix(string? value, string prefix) =>
        value is not null && value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : value;

    private static string? Bounded(SqsMessage message, string name, int maxLength) =>
        message.MessageAttribute(name) is { } value && value.Length <= maxLength ? value : null;
}
