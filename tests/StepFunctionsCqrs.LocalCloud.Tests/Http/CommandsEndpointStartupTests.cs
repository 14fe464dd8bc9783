using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using StepFunctionsCqrs.LocalCloud.Http;

namespace StepFunctionsCqrs.LocalCloud.Tests.Http;

public sealed class CommandsEndpointStartupTests
{
    [Fact]
    public async Task A_command_posted_before_the_queue_exists_is_told_to_come_back_and_the_endpoint_works_once_it_does()
    {
        var queue = new CommandsQueue();
        var endpoint = new CommandsEndpoint(queue);
        var early = Post();

        await endpoint.HandleAsync(early);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, early.Response.StatusCode);
        Assert.Equal("1", early.Response.Headers.RetryAfter.ToString());
        early.Response.Body.Position = 0;
        Assert.Contains("still starting", JsonNode.Parse(early.Response.Body)!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        // Connected, the same endpoint gets past the start-up check: a body that is not JSON is now judged on its own.
        using var sqs = new Amazon.SQS.AmazonSQSClient(new Amazon.Runtime.AnonymousAWSCredentials(), new Amazon.SQS.AmazonSQSConfig { ServiceURL = "http://127.0.0.1:9" });
        queue.Connect(sqs, "http://127.0.0.1:9/000000000000/commands");
        var later = Post("text/plain");
        await endpoint.HandleAsync(later);
        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, later.Response.StatusCode);
    }

    private static DefaultHttpContext Post(string contentType = "application/json")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/commands";
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream("{}"u8.ToArray());
        context.Response.Body = new MemoryStream();
        return context;
    }
}
