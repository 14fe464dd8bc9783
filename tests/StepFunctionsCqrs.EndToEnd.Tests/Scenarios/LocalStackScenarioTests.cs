using StepFunctionsCqrs.EndToEnd.Tests.Driving;
using StepFunctionsCqrs.EndToEnd.Tests.Targets;

namespace StepFunctionsCqrs.EndToEnd.Tests.Scenarios;

/// <summary>The same scenarios against a deployed LocalStack stack; skipped with the reason unless E2E_TARGET=localstack and LocalStack answers.</summary>
public sealed class LocalStackScenarioTests
{
    private static async Task OnLocalStackAsync(Func<StackDriver, Task> scenario)
    {
        using var stack = await StackDriver.ConnectAsync(LocalStackTarget.Create());
        await scenario(stack);
    }

    [LocalStackFact]
    public Task Each_command_type_ends_accepted_or_rejected_with_reasons() =>
        OnLocalStackAsync(PipelineScenarios.EveryCommandTypeEndsAcceptedOrRejectedWithReasonsAsync);

    [LocalStackFact]
    public Task Trace_shows_the_states_of_one_execution_in_order() =>
        OnLocalStackAsync(PipelineScenarios.TraceShowsTheStatesOfOneExecutionInOrderAsync);

    [LocalStackFact]
    public Task Every_message_delivered_three_times_leaves_the_views_as_one_delivery_does() =>
        OnLocalStackAsync(PipelineScenarios.TripleDeliveryLeavesTheViewsAsOneDeliveryDoesAsync);

    [LocalStackFact]
    public Task Fifty_guests_racing_for_ten_rooms_book_ten_waitlist_forty_and_cancellations_promote_the_oldest() =>
        OnLocalStackAsync(PipelineScenarios.FiftyGuestsRacingForTenRoomsAsync);

    [LocalStackFact]
    public Task Two_hundred_hostile_messages_are_rejected_or_dead_lettered_with_reasons_and_valid_traffic_completes() =>
        OnLocalStackAsync(PipelineScenarios.HostileMessagesEndRejectedOrDeadLetteredWhileValidTrafficCompletesAsync);

    [LocalStackFact]
    public Task A_dropped_view_rebuilt_by_replay_equals_what_it_was() =>
        OnLocalStackAsync(PipelineScenarios.ReplayRebuildsADroppedViewAsync);
}
