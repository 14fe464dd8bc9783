using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.Common;

public class ContextObjectTests
{
    [Fact]
    public async Task The_context_object_describes_the_execution_the_state_machine_and_the_current_state()
    {
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Pass", "Parameters": { "ctx.$": "$$" }, "End": true }
            """), """{ "a": 1 }""", options: new ExecutionOptions("run-1", StateMachineArn: "arn:aws:states:eu-west-1:111122223333:stateMachine:Orders", RoleArn: "arn:aws:iam::111122223333:role/R"));
        var ctx = result.Output!["ctx"]!;
        Assert.Equal("arn:aws:states:eu-west-1:111122223333:execution:Orders:run-1", ctx["Execution"]!["Id"]!.GetValue<string>());
        Assert.Equal("run-1", ctx["Execution"]!["Name"]!.GetValue<string>());
        Assert.Equal("arn:aws:iam::111122223333:role/R", ctx["Execution"]!["RoleArn"]!.GetValue<string>());
        Assert.Equal("2024-01-01T00:00:00.000Z", ctx["Execution"]!["StartTime"]!.GetValue<string>());
        Machines.Equal("""{ "a": 1 }""", ctx["Execution"]!["Input"]);
        Assert.Equal("arn:aws:states:eu-west-1:111122223333:stateMachine:Orders", ctx["StateMachine"]!["Id"]!.GetValue<string>());
        Assert.Equal("Orders", ctx["StateMachine"]!["Name"]!.GetValue<string>());
        Assert.Equal("S", ctx["State"]!["Name"]!.GetValue<string>());
        Assert.Equal(0, ctx["State"]!["RetryCount"]!.GetValue<int>());
        Assert.Equal("2024-01-01T00:00:00.000Z", ctx["State"]!["EnteredTime"]!.GetValue<string>());
    }

    [Fact]
    public async Task State_RetryCount_counts_the_retries_of_the_current_state()
    {
        var attempts = 0;
        var tasks = new ScriptedTasks().On("arn:aws:states:::flaky", _ => ++attempts < 3 ? throw new Asl.Common.StatesException("Flaky", "again") : new System.Text.Json.Nodes.JsonObject());
        var result = await Machines.Run(Machines.Single("""
            { "Type": "Task", "Resource": "arn:aws:states:::flaky", "Parameters": { "retry.$": "$$.State.RetryCount" },
              "Retry": [ { "ErrorEquals": ["Flaky"], "IntervalSeconds": 1 } ], "End": true }
            """), "{}", tasks);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal([0, 1, 2], tasks.Calls.Select(c => c.Input!["retry"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_callback_task_receives_a_task_token_through_the_context_object()
    {
        const string resource = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";
        ExecutionEngine? engine = null;
        var tasks = new ScriptedTasks().On(resource, input =>
        {
            // The worker answers with the token it was handed, as soon as it is handed it.
            var token = input!["token"]!.GetValue<string>();
            Assert.Equal(Asl.Callbacks.CallbackOutcome.Delivered, engine!.Callbacks.Succeed(token, new JsonObject { ["token"] = token }).Outcome);
            return new JsonObject { ["MessageId"] = "m-1" };
        });
        engine = new ExecutionEngine(StateMachineDefinition.Parse(Machines.Single($$"""
            { "Type": "Task", "Resource": "{{resource}}", "Parameters": { "token.$": "$$.Task.Token" }, "End": true }
            """)), tasks);
        var result = await engine.StartAsync("{}");
        var call = Assert.Single(tasks.Calls);
        Assert.Equal(call.TaskToken, result.Output!["token"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(call.TaskToken));
    }
}
