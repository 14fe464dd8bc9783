using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.LocalCloud.Sqs;

namespace StepFunctionsCqrs.LocalCloud.StepFunctions.Integrations;

/// <summary>
/// <c>arn:aws:states:::sqs:sendMessage</c> (and its <c>.waitForTaskToken</c> form) on the local queues: QueueUrl,
/// MessageBody (a string as it is, any other JSON as its text), DelaySeconds, MessageAttributes, MessageGroupId and
/// MessageDeduplicationId, answered with the SendMessage response as the service integration returns it. SQS errors
/// become task errors named <c>SQS.&lt;code&gt;</c>, which Retry and Catch can match.
/// </summary>
internal sealed class SqsSendMessageIntegration(SqsOperations sqs)
{
    /// <summary>The integration's resource, without a pattern suffix.</summary>
    public const string Resource = "arn:aws:states:::sqs:sendMessage";

    // Messages a state machine sends carry no caller's authority: this sender is granted no role.
    private static readonly SqsCaller StepFunctionsCaller = new(new Uri("http://127.0.0.1/"), "LOCALSTEPFUNCTIONS");

    /// <summary>True for the resources this integration serves.</summary>
    public static bool Serves(string resource) => resource is Resource or Resource + ".waitForTaskToken";

    /// <summary>Sends the message the task's Parameters describe.</summary>
    public async ValueTask<JsonNode?> SendAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        if (invocation.Input is not JsonObject parameters)
        {
            throw new StatesException("SQS.MissingParameter", $"Task '{invocation.StateName}': sqs:sendMessage needs Parameters with QueueUrl and MessageBody.");
        }

        var body = parameters["MessageBody"] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            var other => other.ToJsonString(),
        };
        try
        {
            var request = new SendMessageRequest(
                Text(parameters, "QueueUrl"), body, parameters["DelaySeconds"]?.GetValue<int>(),
                parameters["MessageAttributes"]?.Deserialize(SqsJsonContext.Default.DictionaryStringMessageAttributeValue),
                null, Text(parameters, "MessageDeduplicationId"), Text(parameters, "MessageGroupId"));
            var sent = await sqs.SendMessageAsync(request, StepFunctionsCaller, cancellationToken).ConfigureAwait(false);
            var response = new JsonObject { ["MD5OfMessageBody"] = sent.MD5OfMessageBody, ["MessageId"] = sent.MessageId };
            if (sent.MD5OfMessageAttributes is not null)
            {
                response["MD5OfMessageAttributes"] = sent.MD5OfMessageAttributes;
            }

            response["SdkHttpMetadata"] = new JsonObject { ["HttpStatusCode"] = 200 };
            return response;
        }
        catch (SqsError e)
        {
            throw new StatesException("SQS." + e.Code, e.Message);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new StatesException("SQS.InvalidParameterValue", $"Task '{invocation.StateName}': {e.Message}");
        }
    }

    private static string? Text(JsonObject parameters, string name) => parameters[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var other => throw new StatesException("SQS.InvalidParameterValue", $"{name} must be a string, not {other.GetValueKind()}."),
    };
}
