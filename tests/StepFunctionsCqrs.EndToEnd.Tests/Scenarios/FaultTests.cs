using StepFunctionsCqrs.Domain.Hotels;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.EndToEnd.Tests.Driving;
using StepFunctionsCqrs.EndToEnd.Tests.Targets;

namespace StepFunctionsCqrs.EndToEnd.Tests.Scenarios;

/// <summary>A handler failing transiently for 30% of its calls, through the local cloud's fault switch.</summary>
public sealed class FaultTests
{
    private const int Commands = 60;

    [LocalCloudFaultsFact]
    public async Task A_handler_failing_30_percent_of_calls_still_completes_every_command_once()
    {
        await using var cloud = await LocalCloudProcess.StartAsync(new Dictionary<string, string>
        {
            [LocalCloudFaults.Variable] = "Persist:0.3,ProjectAvailability:0.3",
            [LocalCloudFaults.Variable + "_SEED"] = "7",
        });
        using var stack = await StackDriver.ConnectAsync(cloud);
        var hotel = Ids.Fresh("fault");
        var night = new DateOnly(2030, 9, 1);
        await PipelineScenarios.RunAsync(stack, [stack.Envelopes.RegisterHotel(Envelope.Admin(), hotel, "Fault Hotel", [new RoomTypeSpec("std", 100)])]);

        var envelopes = Enumerable.Range(0, Commands)
            .Select(i => stack.Envelopes.BookRoom(Envelope.Guest($"{hotel}-g{i}"), hotel, "std", $"fb-{i}", night.AddDays(i % 3), night.AddDays(i % 3 + 1))).ToList();
        var ids = await stack.SubmitAllAsync(envelopes);
        var outcomes = await stack.WaitForOutcomesAsync(ids, TimeSpan.FromMinutes(5));
        Assert.All(outcomes, o => Assert.True(o.Value == "Accepted", $"{o.Key} ended {o.Value}"));

        var log = await stack.CommitsOfAsync(AggregateIds.Inventory(hotel, "std"));
        Assert.Equal(ids.Order(), log.Where(c => c.Version > 1).Select(c => c.CommandId).Order());
        Assert.Equal(Enumerable.Range(0, 3).Select(d => 100 - Enumerable.Range(0, Commands).Count(i => i % 3 == d)),
            await PipelineScenarios.RoomsLeftAsync(stack, hotel, "std", night, night.AddDays(3)));

        var retried = 0;
        foreach (var id in ids)
        {
            var timeline = await stack.TimelineAsync(id);
            retried += timeline.States.Where(s => s.Name is "Persist" or "ProjectAvailability").Sum(s => s.Retries);
        }

        Assert.True(retried > 0, "No Persist or ProjectAvailability call was retried: the fault switch did not take effect.");
    }
}
