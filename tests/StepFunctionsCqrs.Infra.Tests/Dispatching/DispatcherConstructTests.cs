using StepFunctionsCqrs.Functions.Catalog;
using StepFunctionsCqrs.Infra.Dispatching;
using StepFunctionsCqrs.Infra.Tests.Support;

namespace StepFunctionsCqrs.Infra.Tests.Dispatching;

public sealed class DispatcherConstructTests : IDisposable
{
    private readonly TemporaryPublishFolder _publish = new();

    public void Dispose() => _publish.Dispose();

    [Fact]
    public void The_queue_feeds_the_dispatcher_with_partial_batch_responses()
    {
        var pipeline = PipelineBuilder.Build(_publish.Path);
        var dispatch = pipeline.Functions.For(FunctionCatalog.Dispatch).Function;
        new DispatcherConstruct(pipeline.Stack, "Dispatcher", new DispatcherProps(dispatch, pipeline.Commands.Queue, pipeline.Workflow.StateMachine));
        var template = SynthesizedTemplate.Of(pipeline.Stack);

        var mapping = template.SingleProperties("AWS::Lambda::EventSourceMapping");
        Assert.Equal(template.LogicalIdOf(pipeline.Commands.Queue), JsonReferences.TargetOf(mapping["EventSourceArn"]));
        Assert.Equal(template.LogicalIdOf(dispatch), JsonReferences.TargetOf(mapping["FunctionName"]));
        Assert.Equal("ReportBatchItemFailures", (string?)mapping["FunctionResponseTypes"]![0]);
        Assert.Equal(10, (int)mapping["BatchSize"]!);
        Assert.Equal(10, (int)mapping["ScalingConfig"]!["MaximumConcurrency"]!);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1001)]
    public void A_maximum_concurrency_sqs_refuses_is_rejected(int maxConcurrency)
    {
        var pipeline = PipelineBuilder.Build(_publish.Path);
        var dispatch = pipeline.Functions.For(FunctionCatalog.Dispatch).Function;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DispatcherConstruct(pipeline.Stack, "Dispatcher",
            new DispatcherProps(dispatch, pipeline.Commands.Queue, pipeline.Workflow.StateMachine) { MaxConcurrency = maxConcurrency }));

        Assert.Equal("MaxConcurrency", error.ParamName);
    }

    [Fact]
    public void The_dispatcher_may_start_executions_of_this_state_machine_and_describe_them_and_nothing_else_in_step_functions()
    {
        var pipeline = PipelineBuilder.Build(_publish.Path);
        var deployed = pipeline.Functions.For(FunctionCatalog.Dispatch);
        new DispatcherConstruct(pipeline.Stack, "Dispatcher", new DispatcherProps(deployed.Function, pipeline.Commands.Queue, pipeline.Workflow.StateMachine));
        var template = SynthesizedTemplate.Of(pipeline.Stack);
        var roleId = template.LogicalIdOf(deployed.Role);

        var statesStatements = template.Resources("AWS::IAM::Policy").Values
            .Where(p => p["Properties"]!["Roles"]!.AsArray().Any(r => JsonReferences.TargetOf(r) == roleId))
            .SelectMany(p => p["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .Where(s => JsonReferences.AsList(s!["Action"]).Any(a => ((string?)a)!.StartsWith("states:", StringComparison.Ordinal)))
            .ToList();

        Assert.Equal(2, statesStatements.Count);
        var start = Assert.Single(statesStatements, s => JsonReferences.AsList(s!["Action"]).Select(a => (string?)a).SequenceEqual(["states:StartExecution"]));
        Assert.Equal([template.LogicalIdOf(pipeline.Workflow.StateMachine)], JsonReferences.AsList(start!["Resource"]).Select(JsonReferences.TargetOf));
        var describe = Assert.Single(statesStatements, s => JsonReferences.AsList(s!["Action"]).Select(a => (string?)a).SequenceEqual(["states:DescribeExecution"]));
        Assert.Contains(":execution:", describe!["Resource"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal([template.LogicalIdOf(pipeline.Workflow.StateMachine)], JsonReferences.AllTargets(describe["Resource"]).Where(t => !t.StartsWith("AWS::", StringComparison.Ordinal)).Distinct());

        var variables = template.Resources("AWS::Lambda::Function")[template.LogicalIdOf(deployed.Function)]["Properties"]!["Environment"]!["Variables"]!;
        Assert.Equal(template.LogicalIdOf(pipeline.Workflow.StateMachine), JsonReferences.TargetOf(variables[DispatcherConstruct.StateMachineArnVariable]));
    }

    [Fact]
    public void A_batch_size_sqs_refuses_without_a_batching_window_is_rejected()
    {
        var pipeline = PipelineBuilder.Build(_publish.Path);
        var dispatch = pipeline.Functions.For(FunctionCatalog.Dispatch).Function;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DispatcherConstruct(pipeline.Stack, "Dispatcher",
            new DispatcherProps(dispatch, pipeline.Commands.Queue, pipeline.Workflow.StateMachine, BatchSize: 11)));

        Assert.Equal("BatchSize", error.ParamName);
    }
}
