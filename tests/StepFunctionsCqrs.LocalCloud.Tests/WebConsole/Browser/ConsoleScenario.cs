using System.Text.Json.Nodes;
using Amazon.SQS.Model;
using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.Functions.StepFunctions.Errors;
using StepFunctionsCqrs.LocalCloud.Demo;
using StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

namespace StepFunctionsCqrs.LocalCloud.Tests.WebConsole.Browser;

/// <summary>
/// The commands the console's browser tests look at, sent once through SQS as a client would: an accepted booking, a
/// rejected one, one whose Persist fails twice before it runs, one that meets a bug in Persist, and a poisoned body.
/// </summary>
public sealed record ConsoleScenario(string Run, string Hotel, string Accepted, string Rejected, string Retried, string Failed, string PoisonBody)
{
    /// <summary>The first night the scenario books: two months ahead, so it can be booked whatever day the tests run.</summary>
    public static readonly DateOnly CheckIn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);

    private static readonly Lock Gate = new();
    private static readonly Dictionary<PipelineFixture, Task<ConsoleScenario>> Sent = [];

    /// <summary>The scenario on this cloud, sent and finished the first time it is asked for; a failure to send it fails every test that asks, at once.</summary>
    public static Task<ConsoleScenario> OnAsync(PipelineFixture fixture)
    {
        lock (Gate)
        {
            if (!Sent.TryGetValue(fixture, out var scenario))
            {
                scenario = SendAsync(fixture);
                Sent[fixture] = scenario;
            }

            return scenario;
        }
    }

    private static async Task<ConsoleScenario> SendAsync(PipelineFixture fixture)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var hotel = $"console-{run}";
        var scenario = new ConsoleScenario(
            run, hotel,
            Accepted: $"console-{run}-accepted",
            Rejected: $"console-{run}-rejected",
            Retried: $"{PipelineFixture.RetriedPrefix}{run}",
            Failed: $"{PipelineFixture.FailedPrefix}{run}",
            PoisonBody: $"this is not a command {run}");
        var queue = fixture.Cloud.Resources.CommandsQueueUrl;
        var checkIn = CheckIn;

        await SendAsync(fixture, DemoCommands.RegisterHotel($"console-{run}-register", "admin", hotel, "Console Hotel", "double", 5));
        await UntilEndedAsync(fixture, $"console-{run}-register");
        await SendAsync(fixture, DemoCommands.BookRoom(scenario.Accepted, "alice", hotel, "double", $"bk-a-{run}", checkIn, checkIn.AddDays(2)));
        // A stay that ends before it starts: Validate refuses it.
        await SendAsync(fixture, DemoCommands.BookRoom(scenario.Rejected, "bob", hotel, "double", $"bk-r-{run}", checkIn.AddDays(3), checkIn.AddDays(1)));
        await SendAsync(fixture, DemoCommands.BookRoom(scenario.Retried, "carol", hotel, "double", $"bk-t-{run}", checkIn, checkIn.AddDays(1)));
        await SendAsync(fixture, DemoCommands.BookRoom(scenario.Failed, "dave", hotel, "double", $"bk-f-{run}", checkIn, checkIn.AddDays(1)));
        await fixture.CommandApiSqs.SendMessageAsync(new SendMessageRequest(queue, scenario.PoisonBody));

        foreach (var id in new[] { scenario.Accepted, scenario.Rejected, scenario.Retried, scenario.Failed })
        {
            await UntilEndedAsync(fixture, id);
        }

        return scenario;
    }

    private static Task SendAsync(PipelineFixture fixture, JsonObject envelope) =>
        fixture.CommandApiSqs.SendMessageAsync(new SendMessageRequest(fixture.Cloud.Resources.CommandsQueueUrl, envelope.ToJsonString()));

    /// <summary>Waits until the command's execution has ended.</summary>
    public static async Task UntilEndedAsync(PipelineFixture fixture, string commandId)
    {
        var arn = ExecutionArn.TryFor(fixture.Cloud.Resources.StateMachineArn, commandId)!;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                if ((await fixture.StepFunctions.DescribeExecutionAsync(arn)).Status != "RUNNING")
                {
                    return;
                }
            }
            catch (ExecutionDoesNotExistException)
            {
                // Still in the queue.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The execution of {commandId} did not end within 90 s.");
            }

            await Task.Delay(100);
        }
    }
}
