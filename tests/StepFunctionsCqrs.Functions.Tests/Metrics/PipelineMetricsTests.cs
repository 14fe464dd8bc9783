using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Functions.Authorization;
using StepFunctionsCqrs.Functions.Handlers;
using StepFunctionsCqrs.Functions.Tests.TestKit;
using StepFunctionsCqrs.Testing;
using static StepFunctionsCqrs.Functions.Tests.TestKit.Envelopes;
using static StepFunctionsCqrs.Functions.Tests.TestKit.SqsEvents;

namespace StepFunctionsCqrs.Functions.Tests.Metrics;

/// <summary>
/// What the pipeline's meter records as one command goes through every task: its outcome by type, its latency from the
/// queue, each view's lag behind the commit, Persist's attempts and lost races, and Dispatch's refusals and dead letters.
/// </summary>
[Collection(DynaliteCollection.Name)]
public sealed class PipelineMetricsTests(Dynalite dynalite)
{
    // SqsEvents stamps every record as sent at this instant, in Unix milliseconds.
    private static readonly DateTimeOffset Sent = DateTimeOffset.FromUnixTimeMilliseconds(1799566200000);

    [Fact]
    public async Task A_booked_command_counts_once_as_accepted_with_its_latency_from_the_queue_and_each_views_lag_behind_it()
    {
        var pipeline = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());
        await pipeline.RunAsync(RegisterHotel("register", capacity: 1));
        using var capture = new MetricCapture();

        var projectedAt = pipeline.Time.GetUtcNow() + TimeSpan.FromMilliseconds(40);
        var recordedAt = await pipeline.RunAsWorkflowAsync(BookRoom("book-1", "ann", "b1", "2027-03-01", "2027-03-02"),
            projectAfter: TimeSpan.FromMilliseconds(40), recordAfter: TimeSpan.FromMilliseconds(15));

        Assert.Equal([1], capture.Values("cqrs.commands", ("command_type", "BookRoom"), ("outcome", "Accepted")));
        Assert.Single(capture.Values("cqrs.commands"));
        Assert.Equal([(recordedAt - Sent).TotalMilliseconds], capture.Values("cqrs.command.latency", ("command_type", "BookRoom"), ("outcome", "Accepted")));
        foreach (var view in new[] { "Availability", "GuestBookings", "Arrivals" })
        {
            Assert.Equal([(projectedAt - Sent).TotalMilliseconds], capture.Values("cqrs.projection.lag", ("view", view)));
        }

        Assert.Equal([1], capture.Values("cqrs.persist.attempts", ("outcome", "Committed")));
        Assert.Empty(capture.Values("cqrs.persist.conflicts"));
    }

    [Fact]
    public async Task A_declined_booking_counts_as_rejected_and_its_persist_as_one_declined_attempt()
    {
        var pipeline = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());
        await pipeline.RunAsync(RegisterHotel("register", capacity: 1));
        await pipeline.RunAsync(BookRoom("book-1", "ann", "b1", "2027-03-01", "2027-03-02"));
        using var capture = new MetricCapture();

        await pipeline.RunAsWorkflowAsync(BookRoom("book-again", "ann", "b1", "2027-03-01", "2027-03-02"));

        Assert.Equal([1], capture.Values("cqrs.commands", ("command_type", "BookRoom"), ("outcome", "Rejected")));
        Assert.Equal([1], capture.Values("cqrs.persist.attempts", ("outcome", "Declined")));
        Assert.Empty(capture.Values("cqrs.projection.lag"));
    }

    [Fact]
    public async Task A_persist_that_loses_the_race_counts_each_lost_append_and_one_more_attempt_than_it_lost()
    {
        var pipeline = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());
        await pipeline.RunAsync(RegisterHotel("register", capacity: 10));
        // Four warm containers take turns: the fifth booking goes to the container of the first, whose kept inventory
        // the three in between have made stale, so its first append loses.
        for (var i = 1; i <= 4; i++)
        {
            await pipeline.RunAsync(BookRoom($"book-{i}", "ann", $"b{i}", "2027-03-01", "2027-03-02"));
        }

        using var capture = new MetricCapture();
        await pipeline.PersistWithRetryAsync(BookRoom("book-5", "ann", "b5", "2027-03-01", "2027-03-02"));

        var lost = capture.Values("cqrs.persist.conflicts").Sum();
        Assert.True(lost >= 1, capture.ToString());
        Assert.Equal([lost + 1], capture.Values("cqrs.persist.attempts", ("outcome", "Committed")));
    }

    [Fact]
    public async Task A_command_whose_type_is_not_one_of_ours_is_counted_under_Unknown_so_a_sender_cannot_mint_dimensions()
    {
        var pipeline = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());
        using var capture = new MetricCapture();
        var envelope = BookRoom("odd-1", "ann", "b1", "2027-03-01", "2027-03-02");
        envelope["type"] = new string('x', 5_000);

        await Lambda.InvokeAsync(pipeline.RecordStatus.Handle, new JsonObject
        {
            ["commandId"] = "odd-1", ["status"] = "Rejected", ["executionId"] = Pipeline.ExecutionId("odd-1"), ["command"] = envelope,
            ["rejection"] = new JsonObject { ["reasons"] = new JsonArray(new JsonObject { ["code"] = "UnknownCommandType", ["message"] = "x" }) },
        }.ToJsonString());

        Assert.Equal([1], capture.Values("cqrs.commands", ("command_type", "Unknown"), ("outcome", "Rejected")));
        Assert.Empty(capture.Values("cqrs.command.latency"));
    }

    [Fact]
    public async Task A_reused_command_id_is_a_refusal_on_each_delivery_and_a_dead_letter_on_the_last()
    {
        var stepFunctions = new RecordingStepFunctions();
        var dispatch = new DispatchHandler(stepFunctions, Pipeline.StateMachineArn, maxReceiveCount: 3);
        await Lambda.InvokeAsync(dispatch.Handle, Event(Record("m1", BookRoom("reused-1", "ann", "b1", "2027-03-01", "2027-03-02").ToJsonString())));
        using var capture = new MetricCapture();
        var other = BookRoom("reused-1", "bob", "b2", "2027-03-01", "2027-03-02").ToJsonString();

        for (var delivery = 1; delivery <= 3; delivery++)
        {
            await Lambda.InvokeAsync(dispatch.Handle, Event(Record("m2", other, receiveCount: delivery)));
        }

        Assert.Equal([1, 1, 1], capture.Values("cqrs.dispatch.refusals", ("reason", "Reused")));
        Assert.Equal([1], capture.Values("cqrs.dead_letters", ("reason", "Reused")));
    }

    [Fact]
    public async Task Without_the_queues_receive_limit_a_refusal_is_counted_but_never_called_a_dead_letter()
    {
        var dispatch = new DispatchHandler(new RecordingStepFunctions(), Pipeline.StateMachineArn);
        using var capture = new MetricCapture();

        await Lambda.InvokeAsync(dispatch.Handle, Event(Record("m1", "not json", receiveCount: 50)));

        Assert.Equal([1], capture.Values("cqrs.dispatch.refusals", ("reason", "Unusable")));
        Assert.Empty(capture.Values("cqrs.dead_letters"));
    }
}
