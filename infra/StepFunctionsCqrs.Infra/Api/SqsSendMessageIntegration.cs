using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SQS;

namespace StepFunctionsCqrs.Infra.Api;

/// <summary>
/// HTTP API's first-class SQS-SendMessage integration: the request body goes straight to the queue, no function in between.
/// CDK 2.160 has no ready-made class for it, so this one binds the integration subtype itself.
/// </summary>
public sealed class SqsSendMessageIntegration : HttpRouteIntegration
{
    private readonly IQueue _queue;
    private readonly IRole _role;
    private readonly string _messageAttributes;

    /// <summary>
    /// Sends each request body to <paramref name="queue"/> as <paramref name="role"/>, which must be allowed sqs:SendMessage,
    /// with <paramref name="messageAttributes"/> (see <see cref="CallerMessageAttributes"/>) set by the integration itself.
    /// </summary>
    public SqsSendMessageIntegration(string id, IQueue queue, IRole role, string messageAttributes)
        : base(id)
    {
        _queue = queue ?? throw new ArgumentNullException(nameof(queue));
        _role = role ?? throw new ArgumentNullException(nameof(role));
        ArgumentException.ThrowIfNullOrWhiteSpace(messageAttributes);
        _messageAttributes = messageAttributes;
    }

    /// <summary>Describes the integration to the route.</summary>
    public override IHttpRouteIntegrationConfig Bind(IHttpRouteIntegrationBindOptions options) => new HttpRouteIntegrationConfig
    {
        Type = HttpIntegrationType.AWS_PROXY,
        Subtype = HttpIntegrationSubtype.SQS_SEND_MESSAGE,
        Credentials = IntegrationCredentials.FromRole(_role),
        // AWS service integrations only accept payload format 1.0.
        PayloadFormatVersion = PayloadFormatVersion.VERSION_1_0,
        ParameterMapping = new ParameterMapping()
            .Custom("QueueUrl", _queue.QueueUrl)
            .Custom("MessageBody", "$request.body")
            // The caller cannot reach this parameter: the body maps only to MessageBody, and SQS takes attributes only from here.
            .Custom("MessageAttributes", _messageAttributes),
    };
}
