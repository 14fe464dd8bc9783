using StepFunctionsCqrs.Functions.Catalog;
using StepFunctionsCqrs.Infra.Api;
using StepFunctionsCqrs.Infra.Tests.Support;

namespace StepFunctionsCqrs.Infra.Tests.Api;

public sealed class ApiConstructTests : IDisposable
{
    private readonly TemporaryPublishFolder _publish = new();

    public void Dispose() => _publish.Dispose();

    [Fact]
    public void Query_routes_go_to_the_query_function_and_post_commands_goes_to_the_queue_all_behind_iam()
    {
        var (template, _) = Build();

        var routes = template.Resources("AWS::ApiGatewayV2::Route").Values.Select(r => r["Properties"]!).ToList();
        Assert.Equal(
            new[]
            {
                "GET /commands/{commandId}",
                "GET /guests/{guestId}/bookings",
                "GET /hotels/{hotelId}/arrivals",
                "GET /hotels/{hotelId}/room-types/{roomTypeId}/availability",
                "POST /commands",
            },
            routes.Select(r => (string)r["RouteKey"]!).Order(StringComparer.Ordinal));
        Assert.All(routes, r => Assert.Equal("AWS_IAM", (string?)r["AuthorizationType"]));
    }

    [Fact]
    public void Post_commands_uses_the_sqs_send_message_integration_with_the_request_body_as_the_message()
    {
        var (template, pipeline) = Build();

        var integration = template.Resources("AWS::ApiGatewayV2::Integration").Values
            .Select(i => i["Properties"]!)
            .Single(i => (string?)i["IntegrationSubtype"] == "SQS-SendMessage");
        Assert.Equal("AWS_PROXY", (string?)integration["IntegrationType"]);
        Assert.Equal("1.0", (string?)integration["PayloadFormatVersion"]);
        Assert.Equal("$request.body", (string?)integration["RequestParameters"]!["MessageBody"]);
        Assert.Equal(template.LogicalIdOf(pipeline.Commands.Queue), JsonReferences.TargetOf(integration["RequestParameters"]!["QueueUrl"]));
        Assert.NotNull(JsonReferences.TargetOf(integration["CredentialsArn"]));
    }

    [Fact]
    public void Only_the_command_sender_role_may_send_to_the_commands_queue()
    {
        var (template, _) = Build();

        var senders = template.Resources("AWS::IAM::Policy").Values
            .Where(p => p["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray()
                .Any(s => JsonReferences.AsList(s!["Action"]).Any(a => (string?)a == "sqs:SendMessage")))
            .SelectMany(p => p["Properties"]!["Roles"]!.AsArray().Select(JsonReferences.TargetOf))
            .ToList();

        var sender = Assert.Single(senders);
        var role = template.Resources("AWS::IAM::Role")[sender!]["Properties"]!;
        Assert.Equal("apigateway.amazonaws.com", (string?)role["AssumeRolePolicyDocument"]!["Statement"]![0]!["Principal"]!["Service"]);
    }

    private (SynthesizedTemplate Template, PipelineBuilder Pipeline) Build()
    {
        var pipeline = PipelineBuilder.Build(_publish.Path);
        new ApiConstruct(pipeline.Stack, "Api", new ApiProps(pipeline.Functions.For(FunctionCatalog.Query).Function, pipeline.Commands.Queue));
        return (SynthesizedTemplate.Of(pipeline.Stack), pipeline);
    }
}
