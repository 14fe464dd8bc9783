using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StepFunctionsCqrs.Functions.StepFunctions.Model;
using StepFunctionsCqrs.LocalCloud.StepFunctions;
using StepFunctionsCqrs.LocalCloud.Tests.Pipeline;
using StepFunctionsCqrs.LocalCloud.Tests.StepFunctions;
using Xunit.Abstractions;

namespace StepFunctionsCqrs.LocalCloud.Tests.Load;

/// <summary>Many executions waiting on task tokens at once, on the shared local cloud and its bound of running executions.</summary>
[Collection(PipelineCollection.Name)]
public sealed class ManyCallbacksTests(PipelineFixture fixture, ITestOutputHelper output)
{
    private const int Executions = 200;
    private const int HeartbeatSeconds = 4;

    private enum Fate
    {
        Succeed,
        Fail,
        Silent,
    }

    [Fact]
    public async Task Two_hundred_executions_answered_in_random_order_each_get_their_own_answer_and_the_silent_ones_time_out_on_their_heartbeat()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var runner = fixture.Cloud.Host.Services.GetRequiredService<ExecutionRunner>();
        Assert.True(Executions > runner.MaxConcurrent, "The test needs more waiting executions than may run at once.");

        var queue = await CallbackQueue.CreateAsync(fixture.CommandApiSqs);
        var machine = await TestMachines.CreateAsync(fixture, queue.Definition($""" "HeartbeatSeconds": {HeartbeatSeconds}, """), "many");
        var prefix = TestMachines.Name("w");
        var names = Enumerable.Range(0, Executions).Select(i => $"{prefix}-{i}").ToList();
        var fates = names.ToDictionary(n => n, _ => (Fate)random.Next(3));
        var arns = new ConcurrentDictionary<string, string>();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (name, _) =>
            arns[name] = (await fixture.StepFunctions.StartExecutionAsync(machine, name, $$"""{"name":"{{name}}"}""")).ExecutionArn);

        // Workers that will answer heartbeat from the moment they hold their token until they answer.
        var beating = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        using var stopBeating = new CancellationTokenSource();
        var heartbeats = HeartbeatAsync(beating, stopBeating.Token);
        var tokens = await queue.NextTokensAsync(names, (name, token) =>
        {
            if (fates[name] != Fate.Silent)
            {
                beating[name] = token;
            }
        });
        Assert.Equal(Executions, tokens.Values.Distinct(StringComparer.Ordinal).Count());

        // All of them wait at once: far more than the bound, none holding a slot.
        for (var i = 0; i < 200 && runner.WaitingForCallbackCount < Executions - fates.Values.Count(f => f == Fate.Silent); i++)
        {
            await Task.Delay(25);
        }

        output.WriteLine($"{runner.WaitingForCallbackCount} executions waiting for callbacks, {runner.RunningCount} running, bound {runner.MaxConcurrent}");
        Assert.True(runner.WaitingForCallbackCount > runner.MaxConcurrent, $"{runner.WaitingForCallbackCount} executions wait for callbacks.");

        var answered = names.Where(n => fates[n] != Fate.Silent).OrderBy(_ => random.Next()).ToList();
        await Parallel.ForEachAsync(answered, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (name, _) =>
        {
            var token = tokens[name];
            var body = fates[name] == Fate.Succeed
                ? new JsonObject { ["taskToken"] = token, ["output"] = new JsonObject { ["answerFor"] = name }.ToJsonString() }
                : new JsonObject { ["taskToken"] = token, ["error"] = $"Declined.{name}", ["cause"] = $"cause of {name}" };
            await fixture.Raw.StatesOkAsync(fates[name] == Fate.Succeed ? "SendTaskSuccess" : "SendTaskFailure", body);
            beating.TryRemove(name, out string? _);
        });

        var ended = new ConcurrentDictionary<string, DescribeExecutionResult>();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (name, _) =>
            ended[name] = await TestMachines.WaitUntilEndedAsync(fixture, arns[name]));
        await stopBeating.CancelAsync();
        await heartbeats;

        foreach (var name in names)
        {
            var result = ended[name];
            switch (fates[name])
            {
                case Fate.Succeed:
                    Assert.True(result.Status == ExecutionStatus.Succeeded, $"{name}: {result.Status} {result.Error} {result.Cause}");
                    Assert.Equal($$"""{"answerFor":"{{name}}"}""", result.Output);
                    break;
                case Fate.Fail:
                    Assert.True(result.Status == ExecutionStatus.Failed, $"{name}: {result.Status}");
                    Assert.Equal($"Declined.{name}", result.Error);
                    Assert.Equal($"cause of {name}", result.Cause);
                    break;
                case Fate.Silent:
                    Assert.True(result.Status == ExecutionStatus.Failed, $"{name}: {result.Status}");
                    Assert.Equal("States.HeartbeatTimeout", result.Error);
                    break;
            }
        }

        // Every token is spent: an answer now finds its task closed, whatever became of it.
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (name, _) =>
        {
            var (status, answer) = await fixture.Raw.StatesAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = tokens[name], ["output"] = "{}" });
            Assert.Equal((400, "TaskTimedOut"), (status, answer["__type"]!.GetValue<string>()));
        });
        Assert.Equal(0, runner.WaitingForCallbackCount);
    }

    // Every half second, a heartbeat for each token still held: well inside HeartbeatSeconds even on a busy machine.
    private async Task HeartbeatAsync(ConcurrentDictionary<string, string> beating, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await Parallel.ForEachAsync(beating.ToArray(), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (pair, _) =>
            {
                var (status, answer) = await fixture.Raw.StatesAsync("SendTaskHeartbeat", new JsonObject { ["taskToken"] = pair.Value });
                // A heartbeat that crosses the answer finds the task closed; anything else is a fault.
                Assert.True(status == 200 || answer["__type"]?.GetValue<string>() == "TaskTimedOut", answer.ToJsonString());
            });
            try
            {
                await Task.Delay(500, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
