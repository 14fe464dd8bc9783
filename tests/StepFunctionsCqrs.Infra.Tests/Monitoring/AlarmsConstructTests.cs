using StepFunctionsCqrs.Functions.Metrics;
using System.Text.Json.Nodes;
using Amazon.CDK.AWS.DynamoDB;
using StepFunctionsCqrs.Functions.Catalog;
using StepFunctionsCqrs.Infra.Api;
using StepFunctionsCqrs.Infra.Monitoring;
using StepFunctionsCqrs.Infra.Tests.Support;

namespace StepFunctionsCqrs.Infra.Tests.Monitoring;

public sealed class AlarmsConstructTests : IDisposable
{
    private readonly TemporaryPublishFolder _publish = new();

    public void Dispose() => _publish.Dispose();

    [Fact]
    public void Alarms_cover_dead_letters_failed_timed_out_and_throttled_executions_and_each_functions_errors_and_throttles()
    {
        var pipeline = PipelineBuilder.Build(_publish.Path);
        new AlarmsConstruct(pipeline.Stack, "Alarms", new AlarmsProps(pipeline.Commands.DeadLetterQueue, pipeline.Workflow.StateMachine, pipeline.Functions.All));
        var template = SynthesizedTemplate.Of(pipeline.Stack);

        var alarms = Alarms(template);
        Assert.Equal(5 + (2 * FunctionCatalog.All.Count), alarms.Count);
        Assert.All(alarms, a =>
        {
            Assert.Equal("GreaterThanOrEqualToThreshold", (string?)a["ComparisonOperator"]);
            Assert.Equal("notBreaching", (string?)a["TreatMissingData"]);
        });

        var metrics = alarms.Select(a => ((string?)a["Namespace"], (string?)a["MetricName"])).ToList();
        Assert.Contains(("AWS/SQS", "ApproximateNumberOfMessagesVisible"), metrics);
        Assert.Contains(("AWS/States", "ExecutionsFailed"), metrics);
        Assert.Contains(("AWS/States", "ExecutionsTimedOut"), metrics);
        Assert.Contains(("AWS/States", "ExecutionThrottled"), metrics);

        foreach (var function in pipeline.Functions.All)
        {
            Assert.Equal(["Errors", "Throttles"], MetricsOf(template, alarms, function.Function));
        }

        var deadLetterAlarm = alarms.Single(a => (string?)a["MetricName"] == "ApproximateNumberOfMessagesVisible");
        Assert.Equal(template.LogicalIdOf(pipeline.Commands.DeadLetterQueue), JsonReferences.AllTargets(deadLetterAlarm["Dimensions"]).Single());
    }

    [Fact]
    public void Every_alarm_notifies_the_topic_when_it_fires_and_when_it_clears()
    {
        var (template, alarmsConstruct, _) = BuildFull(email: null);

        var topicId = template.LogicalIdOf(alarmsConstruct.Topic!);
        Assert.All(Alarms(template), a =>
        {
            Assert.Equal([topicId], JsonReferences.AsList(a["AlarmActions"]).Select(JsonReferences.TargetOf));
            Assert.Equal([topicId], JsonReferences.AsList(a["OKActions"]).Select(JsonReferences.TargetOf));
        });
        Assert.Equal(0, template.Count("AWS::SNS::Subscription"));
    }

    [Fact]
    public void An_alarm_email_subscribes_to_the_topic()
    {
        var (template, _, _) = BuildFull(email: "ops@example.com");

        var subscription = template.SingleProperties("AWS::SNS::Subscription");
        Assert.Equal("email", (string?)subscription["Protocol"]);
        Assert.Equal("ops@example.com", (string?)subscription["Endpoint"]);
    }

    [Fact]
    public void Without_notifications_there_is_no_topic_and_alarms_have_no_actions()
    {
        var pipeline = PipelineBuilder.Build(_publish.Path);
        new AlarmsConstruct(pipeline.Stack, "Alarms", new AlarmsProps(pipeline.Commands.DeadLetterQueue, pipeline.Workflow.StateMachine, pipeline.Functions.All)
        {
            Notify = false,
        });
        var template = SynthesizedTemplate.Of(pipeline.Stack);

        Assert.Equal(0, template.Count("AWS::SNS::Topic"));
        Assert.All(Alarms(template), a => Assert.Null(a["AlarmActions"]));
    }

    [Fact]
    public void Persist_is_not_alarmed_on_errors_its_retried_conflicts_cause_but_on_throttles_and_failed_executions()
    {
        var (template, _, pipeline) = BuildFull(email: null);

        var alarms = Alarms(template);
        Assert.Equal(["Throttles"], MetricsOf(template, alarms, pipeline.Functions.For(FunctionCatalog.Persist).Function));
        Assert.Contains(alarms, a => (string?)a["MetricName"] == "ExecutionsFailed");
        Assert.Equal(["Errors", "Throttles"], MetricsOf(template, alarms, pipeline.Functions.For(FunctionCatalog.Validate).Function));
    }

    [Fact]
    public void Commands_waiting_throttled_tables_and_api_server_errors_are_alarmed()
    {
        var (template, _, pipeline) = BuildFull(email: null);
        var alarms = Alarms(template);

        var age = alarms.Single(a => (string?)a["MetricName"] == "ApproximateAgeOfOldestMessage");
        Assert.Equal(template.LogicalIdOf(pipeline.Commands.Queue), JsonReferences.AllTargets(age["Dimensions"]).Single());
        Assert.Equal(300, (double)age["Threshold"]!);

        var throttled = alarms.Single(a => a["Metrics"] is JsonArray m && m.ToJsonString().Contains("ThrottledRequests", StringComparison.Ordinal));
        var tableMetrics = throttled["Metrics"]!.AsArray().Where(m => m!["MetricStat"] is not null).ToList();
        Assert.Equal(template.Count("AWS::DynamoDB::Table"), tableMetrics.Count);
        Assert.Equal(
            template.Resources("AWS::DynamoDB::Table").Keys.ToHashSet(),
            tableMetrics.SelectMany(m => JsonReferences.AllTargets(m!["MetricStat"]!["Metric"]!["Dimensions"])).ToHashSet());

        var api = alarms.Single(a => (string?)a["MetricName"] == "5xx");
        Assert.Equal("AWS/ApiGateway", (string?)api["Namespace"]);
    }

    [Fact]
    public void Commands_ending_Failed_are_alarmed_from_the_handlers_embedded_metrics_over_every_command_type_and_unknown_ones()
    {
        var (template, _, pipeline) = BuildFull(email: null);

        var failed = Alarms(template).Single(a => a["Metrics"] is JsonArray m && m.ToJsonString().Contains("cqrs.commands", StringComparison.Ordinal));
        var stats = failed["Metrics"]!.AsArray().Where(m => m!["MetricStat"] is not null).Select(m => m!["MetricStat"]!["Metric"]!).ToList();
        Assert.All(stats, m => Assert.Equal(EmbeddedMetricFormat.DefaultNamespace, (string?)m["Namespace"]));
        var dimensions = stats.Select(m => m["Dimensions"]!.AsArray().ToDictionary(d => (string)d!["Name"]!, d => (string)d!["Value"]!)).ToList();
        Assert.All(dimensions, d => Assert.Equal("Failed", d["outcome"]));
        Assert.Equal(["BookRoom", "CancelBooking", "RegisterHotel", PipelineMetrics.UnknownCommandType], dimensions.Select(d => d["command_type"]).Order(StringComparer.Ordinal));

        // The metric exists only if every function writes it under that namespace.
        foreach (var function in pipeline.Functions.All)
        {
            var variables = template.Resources("AWS::Lambda::Function")[template.LogicalIdOf(function.Function)]!["Properties"]!["Environment"]!["Variables"]!;
            Assert.Equal(EmbeddedMetricFormat.DefaultNamespace, (string?)variables[EmbeddedMetricFormat.NamespaceVariable]);
        }
    }

    private (SynthesizedTemplate Template, AlarmsConstruct Alarms, PipelineBuilder Pipeline) BuildFull(string? email)
    {
        var pipeline = PipelineBuilder.Build(_publish.Path);
        var tables = pipeline.Stack.Node.FindChild("Stores").Node.Children.OfType<Table>().ToDictionary(t => t.Node.Id, t => (ITable)t);
        var api = new ApiConstruct(pipeline.Stack, "Api", new ApiProps(pipeline.Functions.For(FunctionCatalog.Query).Function, pipeline.Commands.Queue));
        var alarms = new AlarmsConstruct(pipeline.Stack, "Alarms", new AlarmsProps(pipeline.Commands.DeadLetterQueue, pipeline.Workflow.StateMachine, pipeline.Functions.All)
        {
            CommandsQueue = pipeline.Commands.Queue,
            Tables = tables,
            HttpApi = api.HttpApi,
            AlarmEmail = email,
            ErrorsExpected = new HashSet<string> { FunctionCatalog.Persist.Name },
        });
        return (SynthesizedTemplate.Of(pipeline.Stack), alarms, pipeline);
    }

    private static List<JsonNode> Alarms(SynthesizedTemplate template) =>
        [.. template.Resources("AWS::CloudWatch::Alarm").Values.Select(a => a["Properties"]!)];

    private static List<string?> MetricsOf(SynthesizedTemplate template, List<JsonNode> alarms, Amazon.CDK.AWS.Lambda.Function function)
    {
        var id = template.LogicalIdOf(function);
        return [.. alarms.Where(a => a["Dimensions"] is JsonArray d && d.Any(x => JsonReferences.TargetOf(x!["Value"]) == id))
            .Select(a => (string?)a["MetricName"]).Order(StringComparer.Ordinal)];
    }
}
