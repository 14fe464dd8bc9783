using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.StepFunctions;
using StepFunctionsCqrs.Functions.Catalog;
using StepFunctionsCqrs.Infra.Configuration;
using StepFunctionsCqrs.Infra.Functions;
using StepFunctionsCqrs.Infra.Tests.Support;
using StepFunctionsCqrs.Infra.Workflow;

namespace StepFunctionsCqrs.Infra.Tests.Workflow;

public sealed class WorkflowConstructTests : IDisposable
{
    private readonly TemporaryPublishFolder _publish = new();

    public void Dispose() => _publish.Dispose();

    [Fact]
    public void Every_placeholder_is_substituted_with_the_catalog_function_it_names()
    {
        var (template, functions, _) = Build(StateMachineType.STANDARD);
        var properties = template.SingleProperties("AWS::StepFunctions::StateMachine");
        var substitutions = properties["DefinitionSubstitutions"]!.AsObject();

        // What CloudFormation will do at deploy time: replace each ${key} with its value (here the function's logical id).
        var deployed = (string)properties["DefinitionString"]!;
        foreach (var (key, value) in substitutions)
        {
            deployed = deployed.Replace("${" + key + "}", "function:" + JsonReferences.TargetOf(value), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("${", deployed, StringComparison.Ordinal);
        var placeholders = TaskResources(JsonNode.Parse((string)properties["DefinitionString"]!)!["States"]!.AsObject()).ToList();
        var resolved = TaskResources(JsonNode.Parse(deployed)!["States"]!.AsObject()).ToDictionary(t => t.State, t => t.Resource);
        Assert.NotEmpty(placeholders);
        foreach (var (state, placeholder) in placeholders)
        {
            var expected = FunctionCatalog.All.Single(f => "${" + f.AslSubstitution + "}" == placeholder);
            Assert.Equal("function:" + template.LogicalIdOf(functions.For(expected).Function), resolved[state]);
        }
    }

    [Fact]
    public void Standard_is_the_default_logging_errors_without_execution_data_with_tracing()
    {
        var (template, _, workflow) = Build(StateMachineType.STANDARD);
        var properties = template.SingleProperties("AWS::StepFunctions::StateMachine");

        Assert.Equal("STANDARD", (string?)properties["StateMachineType"]);
        Assert.Equal("TestStack-CommandPipeline", (string?)properties["StateMachineName"]);
        Assert.Equal("ERROR", (string?)properties["LoggingConfiguration"]!["Level"]);
        Assert.False((bool)properties["LoggingConfiguration"]!["IncludeExecutionData"]!);
        Assert.True((bool)properties["TracingConfiguration"]!["Enabled"]!);
        Assert.Equal(
            template.LogicalIdOf(workflow.LogGroup),
            JsonReferences.TargetOf(properties["LoggingConfiguration"]!["Destinations"]![0]!["CloudWatchLogsLogGroup"]!["LogGroupArn"]));

        var logGroup = template.Resources("AWS::Logs::LogGroup")[template.LogicalIdOf(workflow.LogGroup)]["Properties"]!;
        Assert.Equal(30, (int)logGroup["RetentionInDays"]!);
    }

    [Theory]
    [InlineData("ALL", true)]
    [InlineData("FATAL", false)]
    [InlineData("OFF", false)]
    public void The_log_level_and_execution_data_follow_the_props(string level, bool includeData)
    {
        var stack = IsolatedStack.Create();
        var functions = DeployedFunctionsBuilder.Build(stack, _publish.Path);
        new WorkflowConstruct(stack, "Workflow", new WorkflowProps(
            CommandPipelineDefinition.Load(), functions.All, StateMachineType.STANDARD, RetentionDays.ONE_MONTH, RemovalPolicy.DESTROY)
        {
            LogLevel = Enum.Parse<LogLevel>(level),
            IncludeExecutionData = includeData,
        });
        var logging = SynthesizedTemplate.Of(stack).SingleProperties("AWS::StepFunctions::StateMachine")["LoggingConfiguration"]!;

        Assert.Equal(level, (string?)logging["Level"]);
        Assert.Equal(includeData, (bool)logging["IncludeExecutionData"]!);
    }

    [Fact]
    public void No_log_group_has_a_fixed_name_so_a_retained_one_never_blocks_the_next_deploy()
    {
        var (template, _, _) = Build(StateMachineType.STANDARD);

        Assert.All(template.Resources("AWS::Logs::LogGroup").Values, g => Assert.Null(g["Properties"]!["LogGroupName"]));
    }

    [Fact]
    public void Only_this_state_machine_in_this_account_may_have_step_functions_assume_its_role()
    {
        var (template, _, workflow) = Build(StateMachineType.STANDARD);

        var trust = template.Resources("AWS::IAM::Role")[template.LogicalIdOf(workflow.Role)]["Properties"]!["AssumeRolePolicyDocument"]!["Statement"]![0]!;
        Assert.Equal("states.amazonaws.com", (string?)trust["Principal"]!["Service"]);
        Assert.Equal("123456789012", (string?)trust["Condition"]!["StringEquals"]!["aws:SourceAccount"]);
        var sourceArn = trust["Condition"]!["ArnLike"]!["aws:SourceArn"]!.ToJsonString();
        Assert.Contains(":states:eu-west-1:123456789012:stateMachine:TestStack-CommandPipeline", sourceArn, StringComparison.Ordinal);
    }

    [Fact]
    public void Express_can_be_selected()
    {
        var (template, _, _) = Build(StateMachineType.EXPRESS);

        Assert.Equal("EXPRESS", (string?)template.SingleProperties("AWS::StepFunctions::StateMachine")["StateMachineType"]);
    }

    [Fact]
    public void The_state_machine_role_may_invoke_only_the_functions_the_definition_names()
    {
        var (template, functions, workflow) = Build(StateMachineType.STANDARD);
        var roleId = template.LogicalIdOf(workflow.Role);

        var invoked = template.Resources("AWS::IAM::Policy").Values
            .Where(p => p["Properties"]!["Roles"]!.AsArray().Any(r => JsonReferences.TargetOf(r) == roleId))
            .SelectMany(p => p["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .Where(s => JsonReferences.AsList(s!["Action"]).Any(a => (string?)a == "lambda:InvokeFunction"))
            .SelectMany(s => JsonReferences.AllTargets(s!["Resource"]))
            .ToHashSet();

        var expected = FunctionCatalog.All.Where(f => f.AslSubstitution is not null)
            .Select(f => template.LogicalIdOf(functions.For(f).Function)).ToHashSet();
        Assert.Equal(expected, invoked);
        Assert.DoesNotContain(template.LogicalIdOf(functions.For(FunctionCatalog.Dispatch).Function), invoked);
        Assert.DoesNotContain(template.LogicalIdOf(functions.For(FunctionCatalog.Query).Function), invoked);
    }

    [Fact]
    public void A_placeholder_no_catalog_function_provides_is_rejected_by_name()
    {
        var stack = IsolatedStack.Create();
        var functions = DeployedFunctionsBuilder.Build(stack, _publish.Path);
        var definition = CommandPipelineDefinition.Load().Replace("${PersistFunctionArn}", "${PersistV2FunctionArn}", StringComparison.Ordinal);

        var error = Assert.Throws<ArgumentException>(() => new WorkflowConstruct(stack, "Workflow",
            new WorkflowProps(definition, functions.All, StateMachineType.STANDARD, RetentionDays.ONE_MONTH, RemovalPolicy.DESTROY)));

        Assert.Contains("${PersistV2FunctionArn}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalog_substitution_the_definition_never_uses_is_rejected_by_name()
    {
        var stack = IsolatedStack.Create();
        var functions = DeployedFunctionsBuilder.Build(stack, _publish.Path);
        var definition = CommandPipelineDefinition.Load().Replace("${ValidateFunctionArn}", "arn:aws:lambda:eu-west-1:123456789012:function:x", StringComparison.Ordinal);

        var error = Assert.Throws<ArgumentException>(() => new WorkflowConstruct(stack, "Workflow",
            new WorkflowProps(definition, functions.All, StateMachineType.STANDARD, RetentionDays.ONE_MONTH, RemovalPolicy.DESTROY)));

        Assert.Contains("ValidateFunctionArn", error.Message, StringComparison.Ordinal);
    }

    private (SynthesizedTemplate Template, FunctionsConstruct Functions, WorkflowConstruct Workflow) Build(StateMachineType type)
    {
        var stack = IsolatedStack.Create();
        var functions = DeployedFunctionsBuilder.Build(stack, _publish.Path);
        var workflow = new WorkflowConstruct(stack, "Workflow", new WorkflowProps(
            CommandPipelineDefinition.Load(), functions.All, type, RetentionDays.ONE_MONTH, RemovalPolicy.DESTROY));
        return (SynthesizedTemplate.Of(stack), functions, workflow);
    }

    private static IEnumerable<(string State, string Resource)> TaskResources(JsonObject states)
    {
        foreach (var (name, state) in states)
        {
            if ((string?)state!["Type"] == "Task")
            {
                yield return (name, (string)state["Resource"]!);
            }

            if (state["Branches"] is JsonArray branches)
            {
                foreach (var branch in branches)
                {
                    foreach (var inner in TaskResources(branch!["States"]!.AsObject()))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }
}
