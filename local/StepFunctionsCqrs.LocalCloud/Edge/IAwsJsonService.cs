using Microsoft.AspNetCore.Http;

namespace StepFunctionsCqrs.LocalCloud.Edge;

/// <summary>A service speaking an AWS JSON protocol, reached through the edge by its X-Amz-Target prefix.</summary>
public interface IAwsJsonService
{
    /// <summary>The X-Amz-Target prefix of the service's operations, including the dot, e.g. <c>AmazonSQS.</c>.</summary>
    string TargetPrefix { get; }

    /// <summary>Answers one request for <paramref name="operation"/> (the X-Amz-Target without the prefix).</summary>
    Task HandleAsync(HttpContext context, string operation);
}
