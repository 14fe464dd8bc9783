using System.Text.Json.Nodes;
using Amazon.CDK.AWS.Logs;
using StepFunctionsCqrs.Functions.Catalog;
using StepFunctionsCqrs.Infra.Api;
using StepFunctionsCqrs.Infra.Configuration;
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

    [Fact]
    public void The_integration_names_an_iam_caller_by_its_arn_from_the_request_context()
    {
        var (template, _) = Build();

        var attributes = MessageAttributes(template);
        Assert.Equal(["caller-principal", "caller-scheme"], attributes.Select(a => a.Key).Order(StringComparer.Ordinal));
        Assert.Equal("iam", (string?)attributes["caller-scheme"]!["StringValue"]);
        Assert.Equal("${context.identity.userArn}", (string?)attributes["caller-principal"]!["StringValue"]);
        Assert.All(attributes, a => Assert.Equal("String", (string?)a.Value!["DataType"]));
    }

    [Fact]
    public void With_jwt_every_route_uses_the_jwt_authorizer_and_the_integration_names_the_subject_and_groups_claim()
    {
        var (template, _) = Build(p => p with
        {
            Auth = ApiAuthScheme.Jwt,
            JwtIssuer = "https://issuer.example.com/",
            JwtAudience = ["cqrs-api"],
            JwtGroupsClaim = "roles",
        });

        var authorizer = template.SingleProperties("AWS::ApiGatewayV2::Authorizer");
        Assert.Equal("JWT", (string?)authorizer["AuthorizerType"]);
        Assert.Equal("https://issuer.example.com/", (string?)authorizer["JwtConfiguration"]!["Issuer"]);
        Assert.Equal("cqrs-api", (string?)authorizer["JwtConfiguration"]!["Audience"]![0]);
        Assert.All(template.Resources("AWS::ApiGatewayV2::Route").Values, r => Assert.Equal("JWT", (string?)r["Properties"]!["AuthorizationType"]));

        var attributes = MessageAttributes(template);
        Assert.Equal("jwt", (string?)attributes["caller-scheme"]!["StringValue"]);
        Assert.Equal("${context.authorizer.claims.sub}", (string?)attributes["caller-principal"]!["StringValue"]);
        Assert.Equal("groups:${context.authorizer.claims.roles}", (string?)attributes["caller-groups"]!["StringValue"]);
        // Last, so an attribute injected through a claim's text ahead of it cannot replace the principal under last-wins parsing.
        Assert.Equal("caller-principal", attributes.Last().Key);
    }

    [Theory]
    [InlineData("cognito:groups")]
    [InlineData("groups\"}")]
    [InlineData("a.b")]
    public void A_groups_claim_that_could_not_be_mapped_or_could_break_the_mapping_is_refused(string claim)
    {
        Assert.Throws<ArgumentException>(() => CallerMessageAttributes.For(ApiAuthScheme.Jwt, claim));
    }

    [Fact]
    public void Jwt_without_an_issuer_or_audience_is_refused()
    {
        var pipeline = PipelineBuilder.Build(_publish.Path);

        Assert.Throws<ArgumentException>(() => new ApiConstruct(pipeline.Stack, "Api",
            new ApiProps(pipeline.Functions.For(FunctionCatalog.Query).Function, pipeline.Commands.Queue) { Auth = ApiAuthScheme.Jwt }));
    }

    [Fact]
    public void The_default_stage_throttles_every_route_and_writes_access_logs_to_a_retained_group_with_retention()
    {
        var (template, _) = Build(p => p with { ThrottleRate = 25, ThrottleBurst = 40, LogRetention = RetentionDays.TWO_WEEKS });

        var stage = template.SingleProperties("AWS::ApiGatewayV2::Stage");
        Assert.Equal(25, (double)stage["DefaultRouteSettings"]!["ThrottlingRateLimit"]!);
        Assert.Equal(40, (int)stage["DefaultRouteSettings"]!["ThrottlingBurstLimit"]!);
        var logGroupId = JsonReferences.TargetOf(stage["AccessLogSettings"]!["DestinationArn"]);
        var logGroup = template.Resources("AWS::Logs::LogGroup")[logGroupId!];
        Assert.Equal(14, (int)logGroup["Properties"]!["RetentionInDays"]!);
        Assert.Null(logGroup["Properties"]!["LogGroupName"]);
        Assert.DoesNotContain("request.body", (string?)stage["AccessLogSettings"]!["Format"], StringComparison.Ordinal);
    }

    [Fact]
    public void Only_this_api_in_this_account_may_have_api_gateway_assume_the_sender_role()
    {
        var (template, pipeline) = Build();

        var role = template.Resources("AWS::IAM::Role").Values.Single(r =>
            (string?)r["Properties"]!["AssumeRolePolicyDocument"]!["Statement"]![0]!["Principal"]!["Service"] == "apigateway.amazonaws.com");
        var condition = role["Properties"]!["AssumeRolePolicyDocument"]!["Statement"]![0]!["Condition"]!;
        Assert.Equal("123456789012", (string?)condition["StringEquals"]!["aws:SourceAccount"]);
        var sourceArn = condition["ArnLike"]!["aws:SourceArn"]!;
        Assert.Contains(":execute-api:eu-west-1:123456789012:", sourceArn.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(template.Resources("AWS::ApiGatewayV2::Api").Single().Key, JsonReferences.AllTargets(sourceArn));
    }

    private static JsonObject MessageAttributes(SynthesizedTemplate template)
    {
        var integration = template.Resources("AWS::ApiGatewayV2::Integration").Values
            .Select(i => i["Properties"]!)
            .Single(i => (string?)i["IntegrationSubtype"] == "SQS-SendMessage");
        return JsonNode.Parse((string)integration["RequestParameters"]!["MessageAttributes"]!)!.AsObject();
    }

    private (SynthesizedTemplate Template, PipelineBuilder Pipeline) Build(Func<ApiProps, ApiProps>? configure = null)
    {
        var pipeline = PipelineBuilder.Build(_publish.Path);
        var props = new ApiProps(pipeline.Functions.For(FunctionCatalog.Query).Function, pipeline.Commands.Queue);
        new ApiConstruct(pipeline.Stack, "Api", configure is null ? props : configure(props));
        return (SynthesizedTemplate.Of(pipeline.Stack), pipeline);
    }
}
