using StepFunctionsCqrs.Functions.Catalog;
using StepFunctionsCqrs.Infra.Monitoring;
using StepFunctionsCqrs.Infra.Tests.Support;

namespace StepFunctionsCqrs.Infra.Tests.Monitoring;

public sealed class AlarmsConstructTests : IDisposable
{
    private readonly TemporaryPublishFolder _publish = new();

    public void Dispose() => _publish.Dispose();

    [Fact]
    public void Alarms_cover_dead_letters_failed_and_timed_out_executions_and_each_functions_errors_and_throttles()
    {
        var pipeline = PipelineBuilder.Build(_publish.Path);
        new AlarmsConstruct(pipeline.Stack, "Alarms", new AlarmsProps(pipeline.Commands.DeadLetterQueue, pipeline.Workflow.StateMachine, pipeline.Functions.All));
        var template = SynthesizedTemplate.Of(pipeline.Stack);

        var alarms = template.Resources("AWS::CloudWatch::Alarm").Values.Select(a => a["Properties"]!).ToList();
        Assert.Equal(3 + (2 * FunctionCatalog.All.Count), alarms.Count);
        Assert.All(alarms, a =>
        {
            Assert.Equal(1, (double)a["Threshold"]!);
            Assert.Equal("GreaterThanOrEqualToThreshold", (string?)a["ComparisonOperator"]);
            Assert.Equal("notBreaching", (string?)a["TreatMissingData"]);
        });

        var metrics = alarms.Select(a => ((string?)a["Namespace"], (string?)a["MetricName"])).ToList();
        Assert.Contains(("AWS/SQS", "ApproximateNumberOfMessagesVisible"), metrics);
        Assert.Contains(("AWS/States", "ExecutionsFailed"), metrics);
        Assert.Contains(("AWS/States", "ExecutionsTimedOut"), metrics);

        foreach (var function in pipeline.Functions.All)
        {
            var id = template.LogicalIdOf(function.Function);
            var forFunction = alarms.Where(a => a["Dimensions"]!.AsArray().Any(d => JsonReferences.TargetOf(d!["Value"]) == id))
                .Select(a => (string?)a["MetricName"]).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(["Errors", "Throttles"], forFunction);
        }

        var deadLetterAlarm = alarms.Single(a => (string?)a["MetricName"] == "ApproximateNumberOfMessagesVisible");
        Assert.Equal(template.LogicalIdOf(pipeline.Commands.DeadLetterQueue), JsonReferences.AllTargets(deadLetterAlarm["Dimensions"]).Single());
    }
}
