using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Net.Http.Headers;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.AspNetCore.Http;
using StepFunctionsCqrs.Domain.Outcomes;
using StepFunctionsCqrs.Functions.Authorization;
using StepFunctionsCqrs.Functions.Commands;
using StepFunctionsCqrs.Functions.Dispatching;
using StepFunctionsCqrs.Functions.Json;
using StepFunctionsCqrs.Functions.Tracing;
using StepFunctionsCqrs.LocalCloud.Edge;

namespace StepFunctionsCqrs.LocalCloud.Http;

/// <summary>
/// <c>POST /commands</c>: the command API. A well-formed command is sent to the commands queue with the command
/// API's identity, naming its signed caller in message attributes as API Gateway's integration does on AWS, and
/// answered 202 with where to watch its status; a malformed one is answered 400 with every reason, and a body that
/// is not declared JSON 415, so a browser form cannot post one.
/// </summary>
public sealed class CommandsEndpoint(CommandsQueue queue)
{
    /// <summary>Accepts one command.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        if (queue.Ready is not { } ready)
        {
            context.Response.Headers.RetryAfter = "1";
            await ReplyAsync(context, 503, new JsonObject { ["message"] = "The local cloud is still starting: send the command again in a moment." }).ConfigureAwait(false);
            return;
        }

        if (!IsJson(context.Request.ContentType))
        {
            await ReplyAsync(context, 415, new JsonObject
            {
                ["message"] = $"POST /commands takes Content-Type: application/json, not '{context.Request.ContentType}'.",
            }).ConfigureAwait(false);
            return;
        }

        // The edge has checked the signature, so the key it names is the caller.
        var caller = AwsCaller.From(context.Request)
            ?? throw new InvalidOperationException("POST /commands was reached without a SigV4 signature; the edge's signature guard must run first.");
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        if (body.Length > MessageDispatcher.MaxBodyBytes)
        {
            await ReplyAsync(context, 400, Rejected([new Reason(ReasonCodes.InvalidValue,
                $"The command is {body.Length} bytes; at most {MessageDispatcher.MaxBodyBytes} are accepted.", null)])).ConfigureAwait(false);
            return;
        }

        var text = Encoding.UTF8.GetString(body.ToArray());
        JsonElement command;
        try
        {
            using var document = JsonDocument.Parse(text);
            command = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            await ReplyAsync(context, 400, Rejected([new Reason(ReasonCodes.WrongFieldType, $"The body is not JSON: {e.Message}", null)])).ConfigureAwait(false);
            return;
        }

        var reading = EnvelopeReader.Read(command);
        if (reading.Reasons.Count > 0)
        {
            await ReplyAsync(context, 400, Rejected(reading.Reasons)).ConfigureAwait(false);
            return;
        }

        var commandId = command.GetProperty("commandId").GetString()!;
        await ready.Sqs.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = ready.Url,
            MessageBody = text,
            MessageAttributes = new Dictionary<string, MessageAttributeValue>
            {
                [CallerAttributes.Principal] = new() { DataType = "String", StringValue = caller.AccessKey },
                [CallerAttributes.Scheme] = new() { DataType = "String", StringValue = CallerAttributes.IamScheme },
                // The client's trace continues through the pipeline when it sent a valid traceparent; otherwise one starts here.
                [PipelineTrace.MessageAttribute] = new()
                {
                    DataType = "String",
                    StringValue = PipelineTrace.TraceParentOf(null, context.Request.Headers["traceparent"].FirstOrDefault()) ?? PipelineTrace.NewTraceParent(),
                },
            },
        }, context.RequestAborted).ConfigureAwait(false);
        var statusUrl = $"{context.Request.Scheme}://{context.Request.Host}/commands/{Uri.EscapeDataString(commandId)}";
        context.Response.Headers.Location = statusUrl;
        await ReplyAsync(context, 202, new JsonObject { ["commandId"] = commandId, ["statusUrl"] = statusUrl }).ConfigureAwait(false);
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) && string.Equals(type.MediaType, "application/json", StringComparison.OrdinalIgnoreCase);

    private static JsonObject Rejected(IReadOnlyList<Reason> reasons) => new()
    {
        ["message"] = $"The command is malformed: {string.Join(" ", reasons.Select(r => r.Message))}",
        ["reasons"] = JsonSerializer.SerializeToNode(reasons, HandlerJson.Options),
    };

    private static async Task ReplyAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(body), context.RequestAborted).ConfigureAwait(false);
    }
}
