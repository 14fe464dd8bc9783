using System.Text.Json.Nodes;
using StepFunctionsCqrs.Functions.StepFunctions.Model;
using StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

namespace StepFunctionsCqrs.LocalCloud.Tests.StepFunctions;

/// <summary>Small state machines for API tests, each created under a fresh name.</summary>
public static class TestMachines
{
    /// <summary>Ends at once, adding {"result":{"done":true}} to its input.</summary>
    public const string Quick = """
        {"StartAt":"Echo","States":{"Echo":{"Type":"Pass","Result":{"done":true},"ResultPath":"$.result","End":true}}}
        """;

    /// <summary>Waits ten minutes: running for as long as any test needs.</summary>
    public const string Waiting = """
        {"StartAt":"Hold","States":{"Hold":{"Type":"Wait","Seconds":600,"End":true}}}
        """;

    /// <summary>A fresh name for a test resource.</summary>
    public static string Name(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 80)];

    /// <summary>Creates a state machine and returns its ARN.</summary>
    public static async Task<string> CreateAsync(PipelineFixture fixture, string definition, string prefix = "test")
    {
        var created = await fixture.Raw.StatesOkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = Name(prefix), ["definition"] = definition, ["roleArn"] = "arn:aws:iam::000000000000:role/test",
        });
        return created["stateMachineArn"]!.GetValue<string>();
    }

    /// <summary>Polls DescribeExecution until the execution is no longer running.</summary>
    public static async Task<DescribeExecutionResult> WaitUntilEndedAsync(PipelineFixture fixture, string executionArn)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var described = await fixture.StepFunctions.DescribeExecutionAsync(executionArn);
            if (described.Status != ExecutionStatus.Running)
            {
                return described;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{executionArn} is still running.");
    }
}
