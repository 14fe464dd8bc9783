using StepFunctionsCqrs.EndToEnd.Tests.Targets;

namespace StepFunctionsCqrs.EndToEnd.Tests.Scenarios;

[Collection(SharedLocalCloudCollection.Name)]
public sealed class LocalCloudScenarioTests(SharedLocalCloud shared)
{
    [Fact]
    public Task Each_command_type_ends_accepted_or_rejected_with_reasons() =>
        PipelineScenarios.EveryCommandTypeEndsAcceptedOrRejectedWithReasonsAsync(shared.Stack);

    [Fact]
    public Task Trace_shows_the_states_of_one_execution_in_order() =>
        PipelineScenarios.TraceShowsTheStatesOfOneExecutionInOrderAsync(shared.Stack);

    [Fact]
    public Task Every_message_delivered_three_times_leaves_the_views_as_one_delivery_does() =>
        PipelineScenarios.TripleDeliveryLeavesTheViewsAsOneDeliveryDoesAsync(shared.Stack);

    [Fact]
    public Task Fifty_guests_racing_for_ten_rooms_book_ten_waitlist_forty_and_cancellations_promote_the_oldest() =>
        PipelineScenarios.FiftyGuestsRacingForTenRoomsAsync(shared.Stack);

    [Fact]
    public async Task Two_hundred_hostile_messages_are_rejected_or_dead_lettered_with_reasons_and_valid_traffic_completes()
    {
        await PipelineScenarios.HostileMessagesEndRejectedOrDeadLetteredWhileValidTrafficCompletesAsync(shared.Stack);

        Assert.True(shared.Cloud.IsRunning, $"The local cloud stopped:\n{shared.Cloud.Log}");
    }

    [Fact]
    public Task A_dropped_view_rebuilt_by_replay_equals_what_it_was() =>
        PipelineScenarios.ReplayRebuildsADroppedViewAsync(shared.Stack);

    [Fact]
    public Task Bench_runs_every_command_to_acceptance_and_reports_its_figures_against_the_store_bound() =>
        PipelineScenarios.BenchReportsEveryCommandAcceptedWithItsFiguresAsync(shared.Stack);
}
