using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using StepFunctionsCqrs.LocalCloud.Tests.Sqs;

namespace StepFunctionsCqrs.LocalCloud.Tests;

public sealed class EdgeRoutingTests
{
    // Signed under a key the edge does not know, which it serves as a caller of its own.
    private static HttpClient SignedClient() =>
        new(new SigV4SigningHandler(new BasicAWSCredentials("AKIDRAW", "raw-secret"), RegionEndpoint.USEast1, "sqs", new SocketsHttpHandler()));

    private static HttpRequestMessage Post(Uri endpoint, string? target, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        if (target is not null)
        {
            request.Headers.Add("X-Amz-Target", target);
        }

        return request;
    }

    [Fact]
    public async Task A_target_no_service_serves_gets_a_400_naming_it_and_the_served_prefixes()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        using var http = SignedClient();

        using var response = await http.SendAsync(Post(cloud.Host.Endpoint, "Kinesis_20131202.PutRecord", "{}"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("UnknownOperationException", body.GetProperty("__type").GetString());
        Assert.Contains("Kinesis_20131202.PutRecord", body.GetProperty("message").GetString());
        Assert.Contains("AmazonSQS.", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_unsigned_sqs_request_is_refused_because_SenderId_needs_an_access_key()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        using var http = new HttpClient();

        using var response = await http.SendAsync(Post(cloud.Host.Endpoint, "AmazonSQS.ListQueues", "{}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("MissingAuthenticationToken", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_the_operations_json_is_a_SerializationException()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        using var http = SignedClient();

        using var response = await http.SendAsync(Post(cloud.Host.Endpoint, "AmazonSQS.SendMessage", """{"QueueUrl":42"""));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("com.amazonaws.sqs#SerializationException", body.GetProperty("__type").GetString());
        Assert.Contains("SendMessageRequest", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_sqs_operation_not_offered_is_named_in_the_error()
    {
        await using var cloud = await SqsTestCloud.StartAsync();
        using var http = SignedClient();

        using var response = await http.SendAsync(Post(cloud.Host.Endpoint, "AmazonSQS.AddPermission", "{}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("AddPermission", await response.Content.ReadAsStringAsync());
        Assert.Equal("AWS.SimpleQueueService.UnsupportedOperation;Sender", response.Headers.GetValues("x-amzn-query-error").Single());
    }
}
