using System.Text.Json.Nodes;
using CsCheck;
using StepFunctionsCqrs.Asl;
using StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

namespace StepFunctionsCqrs.LocalCloud.Tests.WebConsole;

/// <summary>
/// Random chains of Task states, each failing a random number of times before it succeeds, with a retrier of a random
/// number of attempts and perhaps a Catch to a Pass state. The engine runs each chain; an oracle computed from the chain
/// alone says which states ran, how many attempts each made, what status each ends with and which never ran.
/// </summary>
public sealed class TaskChainModelTests
{
    /// <summary>One Task of the chain: the failures before it succeeds, its retrier's MaxAttempts, and whether a Catch covers it.</summary>
    public sealed record Step(int Failures, int MaxAttempts, bool Catches)
    {
        public int Attempts => Math.Min(Failures, MaxAttempts) + 1;

        public bool Exhausts => Failures > MaxAttempts;

        public override string ToString() => $"fails {Failures}, retries {MaxAttempts}{(Catches ? ", caught" : "")}";
    }

    private static readonly Gen<Step[]> Chains =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3], Gen.Bool, (failures, retries, catches) => new Step(failures, retries, catches)).Array[1, 5];

    private static string TaskName(int i) => $"Step {i}";

    private static string RecoverName(int i) => $"Recover {i}";

    private static string Definition(Step[] chain)
    {
        var states = new JsonObject();
        for (var i = 0; i < chain.Length; i++)
        {
            var step = chain[i];
            var task = new JsonObject
            {
                ["Type"] = "Task",
                ["Resource"] = FlakyLambdas.Arn("chain"),
                ["Parameters"] = new JsonObject { ["id"] = TaskName(i), ["failures"] = step.Failures, ["error"] = "Flaky" },
                ["Retry"] = new JsonArray(new JsonObject { ["ErrorEquals"] = new JsonArray("Flaky"), ["IntervalSeconds"] = 1, ["MaxAttempts"] = step.MaxAttempts, ["BackoffRate"] = 1 }),
            };
            var recover = new JsonObject { ["Type"] = "Pass" };
            foreach (var state in (JsonObject[])[task, recover])
            {
                if (i + 1 < chain.Length)
                {
                    state["Next"] = TaskName(i + 1);
                }
                else
                {
                    state["End"] = true;
                }
            }

            states[TaskName(i)] = task;
            if (step.Catches)
            {
                task["Catch"] = new JsonArray(new JsonObject { ["ErrorEquals"] = new JsonArray("States.ALL"), ["ResultPath"] = "$.error", ["Next"] = RecoverName(i) });
                states[RecoverName(i)] = recover;
            }
        }

        return new JsonObject { ["StartAt"] = TaskName(0), ["States"] = states }.ToJsonString();
    }

    [Fact]
    public async Task Random_task_chains_show_the_attempts_statuses_and_unrun_states_their_failures_and_retriers_imply()
    {
        await Chains.SampleAsync(async chain =>
        {
            var definition = Definition(chain);
            var (result, history) = await EngineHistory.RunAsync(definition, "{}", new FlakyLambdas());
            var analysis = ExecutionAnalyzer.Analyze(definition, history);
            var graph = analysis.Graph;

            var expectedRuns = new List<string>();
            int? stoppedAt = null;
            for (var i = 0; i < chain.Length; i++)
            {
                var step = chain[i];
                var id = NodeIds(TaskName(i));
                if (stoppedAt is not null)
                {
                    Assert.Equal(RunStatus.NotRun, graph.Node(id).Status);
                    if (step.Catches)
                    {
                        Assert.Equal(RunStatus.NotRun, graph.Node(NodeIds(RecoverName(i))).Status);
                    }

                    continue;
                }

                expectedRuns.Add(TaskName(i));
                var expected = !step.Exhausts ? step.Failures > 0 ? RunStatus.Retried : RunStatus.Succeeded
                    : step.Catches ? RunStatus.Caught
                    : RunStatus.Failed;
                var run = analysis.Run(TaskName(i));
                Assert.Equal(expected, run.Status);
                Assert.Equal(expected, graph.Node(id).Status);
                Assert.Equal(step.Attempts, run.Attempts.Count);
                Assert.Equal(Enumerable.Range(1, step.Attempts).Select(n => n <= step.Failures ? AttemptOutcomes.Failed : AttemptOutcomes.Succeeded), run.Attempts.Select(a => a.Outcome));
                Assert.All(run.Attempts.Skip(1), a => Assert.True(a.WaitBeforeMs >= 1000, $"attempt {a.Number} waited {a.WaitBeforeMs} ms"));
                if (step.Catches)
                {
                    Assert.Equal(step.Exhausts ? RunStatus.Succeeded : RunStatus.NotRun, graph.Node(NodeIds(RecoverName(i))).Status);
                    if (step.Exhausts)
                    {
                        expectedRuns.Add(RecoverName(i));
                    }
                }

                if (expected == RunStatus.Failed)
                {
                    stoppedAt = i;
                    Assert.Equal(new FailurePoint("Flaky", $"Flaky on call {step.Attempts}", TaskName(i), run.Id), analysis.Failure);
                }
            }

            Assert.Equal(expectedRuns, analysis.States.Select(s => s.Name));
            Assert.Equal(expectedRuns.Count, analysis.Transitions);
            Assert.Equal(stoppedAt is null ? ExecutionStatus.Succeeded : ExecutionStatus.Failed, result.Status);
            Assert.Equal(stoppedAt is null ? RunStatus.Succeeded : RunStatus.NotRun, graph.Node("_end").Status);
            if (stoppedAt is null)
            {
                Assert.Null(analysis.Failure);
            }
        }, iter: 150, print: chain => string.Join(" -> ", chain.Select(s => s.ToString())));
    }

    // Top-level ids are the escaped state names: a space is "_20".
    private static string NodeIds(string name) => name.Replace(" ", "_20", StringComparison.Ordinal);
}
