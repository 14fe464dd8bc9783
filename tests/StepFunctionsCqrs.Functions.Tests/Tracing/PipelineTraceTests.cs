using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenTelemetry;
using OpenTelemetry.Trace;
using StepFunctionsCqrs.Functions.Authorization;
using StepFunctionsCqrs.Functions.Handlers;
using StepFunctionsCqrs.Functions.Tests.TestKit;
using StepFunctionsCqrs.Functions.Tracing;
using StepFunctionsCqrs.Testing;
using static StepFunctionsCqrs.Functions.Tests.TestKit.Envelopes;
using static StepFunctionsCqrs.Functions.Tests.TestKit.SqsEvents;

namespace StepFunctionsCqrs.Functions.Tests.Tracing;

/// <summary>
/// One command's trace as OpenTelemetry's in-memory exporter receives it: from the client's traceparent on the message,
/// through Dispatch and the execution input, to every task and the DynamoDB calls each made.
/// </summary>
[Collection(DynaliteCollection.Name)]
public sealed class PipelineTraceTests(Dynalite dynalite)
{
    // Spans of other tests running meanwhile share the process's listener; each test reads only its own trace.
    private static IReadOnlyList<Activity> Of(List<Activity> spans, ActivityTraceId trace)
    {
        lock (spans)
        {
            return [.. spans.Where(s => s.TraceId == trace)];
        }
    }

    [Fact]
    public async Task One_command_yields_one_trace_from_the_clients_span_through_dispatch_to_every_task_and_its_dynamodb_writes()
    {
        var spans = new List<Activity>();
        using var provider = Sdk.CreateTracerProviderBuilder().AddSource(PipelineTrace.SourceName).AddInMemoryExporter(spans).Build();
        var pipeline = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());
        await pipeline.RunAsync(RegisterHotel("register", capacity: 1));
        var client = PipelineTrace.NewTraceParent();
        var (trace, clientSpan) = (ActivityTraceId.CreateFromString(client.AsSpan(3, 32)), ActivitySpanId.CreateFromString(client.AsSpan(36, 16)));

        await pipeline.RunAsWorkflowAsync(BookRoom("book-1", "ann", "b1", "2027-03-01", "2027-03-02"), client);

        var mine = Of(spans, trace);
        var dispatch = Assert.Single(mine, s => s.DisplayName == "Dispatch");
        Assert.Equal(clientSpan, dispatch.ParentSpanId);
        foreach (var state in new[] { "Validate", "Persist", "ProjectAvailability", "ProjectGuestBookings", "ProjectArrivals", "RecordStatus" })
        {
            var task = Assert.Single(mine, s => s.DisplayName == state);
            Assert.Equal(dispatch.SpanId, task.ParentSpanId);
            Assert.Equal(ActivityKind.Server, task.Kind);
            if (state != "Validate")
            {
                Assert.Contains(mine, s => s.ParentSpanId == task.SpanId && s.DisplayName == "DynamoDB.PutItem");
            }
        }

        Assert.All(mine, s => Assert.Equal("book-1", s.GetTagItem(PipelineTrace.CommandIdTag)));
        var persist = mine.Single(s => s.DisplayName == "Persist");
        Assert.Equal(("Committed", "inventory#grand#double"), (persist.GetTagItem("cqrs.outcome"), persist.GetTagItem("cqrs.aggregateId")));
        Assert.All(mine.Where(s => s.DisplayName.StartsWith("DynamoDB.", StringComparison.Ordinal)), s => Assert.Equal(ActivityKind.Client, s.Kind));
    }

    [Fact]
    public async Task A_persist_that_loses_the_race_shows_the_failed_append_and_the_retry_in_its_span()
    {
        var spans = new List<Activity>();
        using var provider = Sdk.CreateTracerProviderBuilder().AddSource(PipelineTrace.SourceName).AddInMemoryExporter(spans).Build();
        var pipeline = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());
        await pipeline.RunAsync(RegisterHotel("register", capacity: 10));
        // Four warm containers take turns: the fifth booking goes to the container of the first, whose kept inventory
        // the three in between have made stale, so its first append loses.
        for (var i = 1; i <= 4; i++)
        {
            await pipeline.RunAsync(BookRoom($"book-{i}", "ann", $"b{i}", "2027-03-01", "2027-03-02"));
        }

        var client = PipelineTrace.NewTraceParent();
        await pipeline.RunAsWorkflowAsync(BookRoom("book-5", "ann", "b5", "2027-03-01", "2027-03-02"), client);

        var mine = Of(spans, ActivityTraceId.CreateFromString(client.AsSpan(3, 32)));
        var persist = Assert.Single(mine, s => s.DisplayName == "Persist");
        Assert.Contains(persist.Events, e => e.Name == "ConcurrencyConflict retried");
        var appends = mine.Where(s => s.ParentSpanId == persist.SpanId && s.DisplayName == "DynamoDB.PutItem").ToList();
        Assert.Contains(appends, s => s.GetTagItem("error.type") as string == "ConditionalCheckFailedException");
        Assert.Equal("Committed", persist.GetTagItem("cqrs.outcome"));
    }

    [Fact]
    public async Task A_message_without_a_traceparent_starts_a_trace_at_dispatch_that_the_execution_input_carries()
    {
        var spans = new List<Activity>();
        using var provider = Sdk.CreateTracerProviderBuilder().AddSource(PipelineTrace.SourceName).AddInMemoryExporter(spans).Build();
        var stepFunctions = new RecordingStepFunctions();

        await Lambda.InvokeAsync(new DispatchHandler(stepFunctions, Pipeline.StateMachineArn).Handle,
            Event(Record("m1", BookRoom("untraced-1", "ann", "b1", "2027-03-01", "2027-03-02").ToJsonString())));

        var carried = JsonNode.Parse(stepFunctions.Executions["untraced-1"])!["sqs"]!["traceParent"]!.GetValue<string>();
        var dispatch = Assert.Single(Of(spans, ActivityTraceId.CreateFromString(carried.AsSpan(3, 32))));
        Assert.Equal(default, dispatch.ParentSpanId);
        Assert.Equal(dispatch.SpanId.ToHexString(), carried[36..52]);
    }

    [Fact]
    public async Task A_forged_traceparent_is_not_continued_and_nothing_in_the_message_is_trusted_for_it()
    {
        var stepFunctions = new RecordingStepFunctions();

        await Lambda.InvokeAsync(new DispatchHandler(stepFunctions, Pipeline.StateMachineArn).Handle,
            Event(Record("m1", BookRoom("forged-1", "ann", "b1", "2027-03-01", "2027-03-02").ToJsonString())
                .WithAttribute(PipelineTrace.MessageAttribute, "00-" + new string('z', 32) + "-" + new string('1', 16) + "-01" + new string('x', 10_000))));

        // The forged context is dropped rather than carried into every task's input; a trace of Dispatch's own may start
        // instead when something listens (another test's provider may, in this process).
        var carried = JsonNode.Parse(stepFunctions.Executions["forged-1"])!["sqs"]!["traceParent"]?.GetValue<string>();
        Assert.True(carried is null || (carried.Length == 55 && !carried.Contains("zzzz", StringComparison.Ordinal)), carried);
    }
}
