using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.SQS;
using Amazon.SQS.Model;
using StepFunctionsCqrs.Functions.Tracing;

namespace StepFunctionsCqrs.Cli.Submitting;

/// <summary>
/// Sends command envelopes to the commands queue; SQS stamps the sender, the pipeline does the rest. Each command's trace
/// starts here: its message carries the W3C <c>traceparent</c> of the send, which Dispatch and every handler continue.
/// </summary>
public sealed class CommandSubmitter(IAmazonSQS sqs, string queueUrl, string endpointForMessages)
{
    /// <summary>Sends one envelope; returns its command id and the SQS message id.</summary>
    public async Task<SubmittedCommand> SubmitAsync(JsonObject envelope, CancellationToken cancellationToken)
    {
        using var span = SubmitSpan(envelope);
        var request = new SendMessageRequest { QueueUrl = queueUrl, MessageBody = envelope.ToJsonString(), MessageAttributes = TraceAttributes(span) };
        var response = await TargetErrors.GuardAsync(() => sqs.SendMessageAsync(request, cancellationToken), endpointForMessages, queueUrl).ConfigureAwait(false);
        return new SubmittedCommand(CommandIdOf(envelope), response.MessageId);
    }

    /// <summary>The most messages one SendMessageBatch call carries.</summary>
    public const int BatchLimit = 10;

    /// <summary>
    /// Sends up to <see cref="BatchLimit"/> envelopes in one SendMessageBatch call; returns them as accepted, in order.
    /// Throws, naming each envelope SQS refused and why, when any was refused.
    /// </summary>
    public async Task<IReadOnlyList<SubmittedCommand>> SubmitBatchAsync(IReadOnlyList<JsonObject> envelopes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(envelopes.Count, BatchLimit);
        var spans = envelopes.Select(SubmitSpan).ToList();
        var entries = envelopes.Select((e, i) => new SendMessageBatchRequestEntry(i.ToString(CultureInfo.InvariantCulture), e.ToJsonString())
        {
            MessageAttributes = TraceAttributes(spans[i]),
        }).ToList();
        using var ended = new SpanGroup(spans);
        var response = await TargetErrors.GuardAsync(
            () => sqs.SendMessageBatchAsync(new SendMessageBatchRequest { QueueUrl = queueUrl, Entries = entries }, cancellationToken),
            endpointForMessages, queueUrl).ConfigureAwait(false);
        if (response.Failed is { Count: > 0 } failed)
        {
            throw new CliException("SQS refused " + string.Join("; ", failed.Select(f =>
                $"command {CommandIdOf(envelopes[int.Parse(f.Id, CultureInfo.InvariantCulture)])}: {f.Code} {f.Message}")));
        }

        var messageIds = (response.Successful ?? []).ToDictionary(s => s.Id, s => s.MessageId, StringComparer.Ordinal);
        return envelopes.Select((e, i) => new SubmittedCommand(CommandIdOf(e), messageIds[i.ToString(CultureInfo.InvariantCulture)])).ToList();
    }

    /// <summary>Sends a body exactly as given (also used to send deliberately malformed traffic).</summary>
    public async Task<string> SendRawAsync(string body, CancellationToken cancellationToken)
    {
        var response = await TargetErrors.GuardAsync(
            () => sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = queueUrl, MessageBody = body }, cancellationToken),
            endpointForMessages, queueUrl).ConfigureAwait(false);
        return response.MessageId;
    }

    // A span per command, each the root of its own trace (or a child of the caller's, when it has one), so one batch
    // does not tie unrelated commands into one trace.
    private static Activity? SubmitSpan(JsonObject envelope)
    {
        var span = PipelineTrace.Source.StartActivity("Submit", ActivityKind.Producer);
        span?.SetTag(PipelineTrace.CommandIdTag, CommandIdOf(envelope));
        if (span is not null)
        {
            Activity.Current = span.Parent;
        }

        return span;
    }

    private static Dictionary<string, MessageAttributeValue> TraceAttributes(Activity? span) => new()
    {
        [PipelineTrace.MessageAttribute] = new() { DataType = "String", StringValue = PipelineTrace.TraceParentOf(span, null) ?? PipelineTrace.NewTraceParent() },
    };

    private sealed class SpanGroup(IReadOnlyList<Activity?> spans) : IDisposable
    {
        public void Dispose()
        {
            foreach (var span in spans)
            {
                span?.Dispose();
            }
        }
    }

    private static string CommandIdOf(JsonObject envelope) =>
        envelope["commandId"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? envelope["commandId"]!.GetValue<string>() : "";
}
