using System.Diagnostics;
using StepFunctionsCqrs.Functions.Tracing;
using StepFunctionsCqrs.LocalCloud.Telemetry;

namespace StepFunctionsCqrs.LocalCloud.Tests.Telemetry;

public sealed class SpanStoreTests
{
    private static readonly DateTimeOffset Start = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_trace_past_the_limit_evicts_the_one_begun_longest_ago_and_its_command()
    {
        var store = new SpanStore(new SpanStoreLimits(MaxTraces: 2, MaxSpansPerTrace: 10));
        store.Add(Span("t1", "s1", "cmd-1"));
        store.Add(Span("t2", "s2", "cmd-2"));
        // A later span of the first trace does not make it newer: traces go in the order they began.
        store.Add(Span("t1", "s3", "cmd-1"));

        store.Add(Span("t3", "s4", "cmd-3"));

        Assert.Equal(2, store.TraceCount);
        Assert.Null(store.ForCommand("cmd-1"));
        Assert.Null(store.ForTrace("t1"));
        Assert.NotNull(store.ForCommand("cmd-2"));
        Assert.Equal(["s4"], store.ForCommand("cmd-3")!.Spans.Select(s => s.SpanId));
    }

    [Fact]
    public void Spans_past_the_per_trace_limit_are_counted_not_kept()
    {
        var store = new SpanStore(new SpanStoreLimits(MaxTraces: 5, MaxSpansPerTrace: 3));
        for (var i = 0; i < 7; i++)
        {
            store.Add(Span("t1", $"s{i}", "cmd-1", i));
        }

        var spans = store.ForCommand("cmd-1")!;

        Assert.Equal(["s0", "s1", "s2"], spans.Spans.Select(s => s.SpanId));
        Assert.Equal(4, spans.DroppedSpans);
    }

    [Fact]
    public void A_command_gathers_every_trace_that_worked_on_it_and_untagged_spans_of_those_traces()
    {
        var store = new SpanStore(SpanStoreLimits.Default);
        store.Add(Span("t1", "s1", "cmd-1", 0));
        store.Add(Span("t1", "s2", commandId: null, 1));
        store.Add(Span("t2", "s3", "cmd-1", 2));
        store.Add(Span("t3", "s4", "cmd-other", 3));

        var spans = store.ForCommand("cmd-1")!;

        Assert.Equal(["t1", "t2"], spans.TraceIds);
        Assert.Equal(["s1", "s2", "s3"], spans.Spans.Select(s => s.SpanId));
        Assert.Null(store.ForCommand("cmd-unknown"));
    }

    [Fact]
    public void The_collector_keeps_the_pipelines_spans_with_their_parent_and_command()
    {
        var store = new SpanStore(SpanStoreLimits.Default);
        var commandId = $"collected-{Guid.NewGuid():N}";
        using (new SpanCollector(store))
        {
            using var parent = PipelineTrace.Source.StartActivity("Persist", ActivityKind.Server)!;
            parent.SetTag(PipelineTrace.CommandIdTag, commandId);
            using (var child = PipelineTrace.Source.StartActivity("DynamoDB.PutItem", ActivityKind.Client)!)
            {
                child.SetTag(PipelineTrace.CommandIdTag, commandId);
                child.SetStatus(ActivityStatusCode.Error, "TransientStoreError");
            }
        }

        var spans = store.ForCommand(commandId)!;

        var persist = Assert.Single(spans.Spans, s => s.Name == "Persist");
        var put = Assert.Single(spans.Spans, s => s.Name == "DynamoDB.PutItem");
        Assert.Equal(persist.SpanId, put.ParentSpanId);
        Assert.Equal(persist.TraceId, put.TraceId);
        Assert.Equal(("Error", "TransientStoreError"), (put.Status, put.StatusDescription));
        Assert.Equal("Client", put.Kind);
    }

    private static SpanRecord Span(string traceId, string spanId, string? commandId, int offsetMs = 0) =>
        new(traceId, spanId, null, "Dispatch", "Consumer", Start.AddMilliseconds(offsetMs), 1, "Unset", null, commandId, new Dictionary<string, string>());
}
