using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl;

namespace StepFunctionsCqrs.LocalCloud.StepFunctions.Integrations;

/// <summary>
/// The task invoker of the local cloud: the SQS integration on the local queues, and every other resource (Lambda
/// functions, <c>lambda:invoke</c>) through the in-process handlers.
/// </summary>
internal sealed class ServiceIntegrationInvoker(ITaskInvoker functions, SqsSendMessageIntegration sqs) : ITaskInvoker
{
    /// <inheritdoc />
    public ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken) =>
        SqsSendMessageIntegration.Serves(invocation.Resource)
            ? sqs.SendAsync(invocation, cancellationToken)
            : functions.InvokeAsync(invocation, cancellationToken);
}
