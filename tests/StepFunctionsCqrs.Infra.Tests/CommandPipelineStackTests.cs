using StepFunctionsCqrs.Functions.Handlers;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Functions.Authorization;
using Amazon.CDK;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.StepFunctions;
using StepFunctionsCqrs.Functions.Catalog;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Infra.Api;
using StepFunctionsCqrs.Infra.Configuration;
using StepFunctionsCqrs.Infra.Tests.Support;

namespace StepFunctionsCqrs.Infra.Tests;

public sealed class CommandPipelineStackTests(CommandPipelineStackFixture stack) : IClassFixture<CommandPipelineStackFixture>
{
    [Fact]
    public void Outputs_everything_the_cli_reads()
    {
        var expected = new[]
            {
                StackOutputNames.CommandsQueueUrl, StackOutputNames.DeadLetterQueueUrl, StackOutputNames.StateMachineArn,
                StackOutputNames.ExecutionLogGroupName, StackOutputNames.ApiUrl, StackOutputNames.Region,
            }
            .Concat(Tables.All.Select(StackOutputNames.TableName))
            .ToHashSet();

        Assert.Equal(expected, stack.Template.Outputs.Keys.ToHashSet());
        Assert.Equal("AWS::Region", (string?)stack.Template.Outputs[StackOutputNames.Region]["Value"]!["Ref"]);
    }

    [Fact]
    public void Contains_every_piece_of_the_design()
    {
        Assert.Equal(2, stack.Template.Count("AWS::SQS::Queue"));
        Assert.Equal(Tables.All.Count, stack.Template.Count("AWS::DynamoDB::Table"));
        Assert.Equal(FunctionCatalog.All.Count, stack.Template.Count("AWS::Lambda::Function"));
        Assert.Equal(1, stack.Template.Count("AWS::StepFunctions::StateMachine"));
        Assert.Equal(1, stack.Template.Count("AWS::Lambda::EventSourceMapping"));
        Assert.Equal(1, stack.Template.Count("AWS::ApiGatewayV2::Api"));
        // Dead letters, oldest command, failed, timed-out and throttled executions, commands ending Failed, tables, API 5xx; errors and
        // throttles per function, except Persist's errors (lost races it retries).
        Assert.Equal(8 + (2 * FunctionCatalog.All.Count) - 1, stack.Template.Count("AWS::CloudWatch::Alarm"));
        Assert.Equal(1, stack.Template.Count("AWS::SNS::Topic"));
    }

    [Fact]
    public void Validate_learns_the_role_id_the_api_sends_commands_as()
    {
        var variables = stack.Template.Resources("AWS::Lambda::Function")[stack.FunctionIds[FunctionCatalog.Validate.Name]]
            ["Properties"]!["Environment"]!["Variables"]!;
        var senderRole = stack.Template.Resources("AWS::ApiGatewayV2::Integration").Values
            .Select(i => i["Properties"]!)
            .Single(i => (string?)i["IntegrationSubtype"] == "SQS-SendMessage")["CredentialsArn"];

        var parts = variables[SenderRoles.EnvironmentVariable]!["Fn::Join"]![1]!.AsArray();
        var roleId = parts.Single(p => p is JsonObject o && o.ContainsKey("Fn::GetAtt"))!["Fn::GetAtt"]!.AsArray();
        Assert.Equal(JsonReferences.TargetOf(senderRole), (string?)roleId[0]);
        Assert.Equal("RoleId", (string?)roleId[1]);
        Assert.Contains(parts, p => p is JsonValue v && v.ToString().Contains("\"command-api\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_and_query_learn_the_caller_roles_and_the_groups_claim()
    {
        foreach (var function in new[] { FunctionCatalog.Validate, FunctionCatalog.Query })
        {
            var variables = stack.Template.Resources("AWS::Lambda::Function")[stack.FunctionIds[function.Name]]["Properties"]!["Environment"]!["Variables"]!;
            Assert.Equal("{}", (string?)variables[CallerRolesVariable.Name]);
            Assert.Equal(DeploymentSettings.DefaultJwtGroupsClaim, (string?)variables[CallerRolesVariable.JwtGroupsClaim]);
        }
    }

    [Fact]
    public void Dispatch_concurrency_is_capped_and_query_concurrency_reserved_by_default()
    {
        Assert.Equal(DeploymentSettings.DefaultDispatchMaxConcurrency,
            (int)stack.Template.SingleProperties("AWS::Lambda::EventSourceMapping")["ScalingConfig"]!["MaximumConcurrency"]!);
        var functions = stack.Template.Resources("AWS::Lambda::Function");
        Assert.Equal(DeploymentSettings.DefaultQueryReservedConcurrency,
            (int)functions[stack.FunctionIds[FunctionCatalog.Query.Name]]["Properties"]!["ReservedConcurrentExecutions"]!);
        Assert.Single(functions.Values, f => f["Properties"]!["ReservedConcurrentExecutions"] is not null);
    }

    [Fact]
    public void Settings_reach_the_resources_they_configure()
    {
        using var publish = new TemporaryPublishFolder();
        var settings = new DeploymentSettings(
            "StepFunctionsCqrs", publish.Path, "dotnet10", RemovalPolicy.DESTROY, StateMachineType.STANDARD, IncludeHttpApi: true, RetentionDays.ONE_DAY)
        {
            ApiAuth = ApiAuthScheme.Jwt,
            JwtIssuer = "https://issuer.example.com/",
            JwtAudience = ["cqrs"],
            JwtGroupsClaim = "roles",
            CallerRolesJson = "{\"ops\":[\"admin\"]}",
            DispatchMaxConcurrency = 4,
            QueryReservedConcurrency = null,
            ExecutionLogLevel = LogLevel.ALL,
            IncludeExecutionData = true,
            AlarmEmail = "ops@example.com",
        };
        var template = SynthesizedTemplate.Of(new CommandPipelineStack(new App(), settings));

        Assert.Equal(4, (int)template.SingleProperties("AWS::Lambda::EventSourceMapping")["ScalingConfig"]!["MaximumConcurrency"]!);
        Assert.All(template.Resources("AWS::Lambda::Function").Values, f => Assert.Null(f["Properties"]!["ReservedConcurrentExecutions"]));
        Assert.Equal("JWT", (string?)template.SingleProperties("AWS::ApiGatewayV2::Authorizer")["AuthorizerType"]);
        Assert.Equal("ALL", (string?)template.SingleProperties("AWS::StepFunctions::StateMachine")["LoggingConfiguration"]!["Level"]);
        Assert.Equal("ops@example.com", (string?)template.SingleProperties("AWS::SNS::Subscription")["Endpoint"]);
        var query = template.Resources("AWS::Lambda::Function").Values.Single(f => (string?)f["Properties"]!["Handler"] == FunctionCatalog.Query.LambdaHandler);
        Assert.Equal("{\"ops\":[\"admin\"]}", (string?)query["Properties"]!["Environment"]!["Variables"]![CallerRolesVariable.Name]);
        Assert.Equal("roles", (string?)query["Properties"]!["Environment"]!["Variables"]![CallerRolesVariable.JwtGroupsClaim]);
        // Dispatch counts a refusal on the queue's last delivery as a dead letter, so it is told the queue's limit.
        var dispatch = template.Resources("AWS::Lambda::Function").Values.Single(f => (string?)f["Properties"]!["Handler"] == FunctionCatalog.Dispatch.LambdaHandler);
        var redrive = template.Resources("AWS::SQS::Queue").Values.Select(q => q["Properties"]!["RedrivePolicy"]).Single(r => r is not null)!;
        Assert.Equal(((int)redrive["maxReceiveCount"]!).ToString(System.Globalization.CultureInfo.InvariantCulture),
            (string?)dispatch["Properties"]!["Environment"]!["Variables"]![DispatchHandler.MaxReceiveCountVariable]);
    }

    [Fact]
    public void Without_the_http_api_there_are_no_api_gateway_resources_and_no_api_url()
    {
        using var publish = new TemporaryPublishFolder();
        var settings = new DeploymentSettings(
            "StepFunctionsCqrs", publish.Path, "dotnet10", RemovalPolicy.DESTROY, StateMachineType.STANDARD, IncludeHttpApi: false, RetentionDays.ONE_DAY);
        var template = SynthesizedTemplate.Of(new CommandPipelineStack(new App(), settings));

        Assert.DoesNotContain(template.Json["Resources"]!.AsObject(), r => ((string)r.Value!["Type"]!).StartsWith("AWS::ApiGatewayV2::", StringComparison.Ordinal));
        Assert.DoesNotContain(StackOutputNames.ApiUrl, template.Outputs.Keys);
        Assert.All(template.Resources("AWS::DynamoDB::Table").Values, t => Assert.Equal("Delete", (string?)t["DeletionPolicy"]));
    }
}
