using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl;
using StepFunctionsCqrs.Asl.Callbacks;
using StepFunctionsCqrs.Asl.Common;

namespace StepFunctionsCqrs.LocalCloud.StepFunctions.Mocking;

/// <summary>
/// The task invoker of executions started on a test case: a state the test case names answers from its mocked
/// response, numbered per state across retries and re-entries; every other state calls its resource for real.
/// A mocked <c>.waitForTaskToken</c> task answers its own token, as Step Functions Local does, so the execution runs on.
/// </summary>
public sealed class MockedTaskInvoker(ITaskInvoker real, TaskTokenBroker callbacks) : ITaskInvoker
{
    private readonly ConcurrentDictionary<string, MockedExecution> executions = new(StringComparer.Ordinal);

    /// <summary>Answers the tasks of <paramref name="executionArn"/> from <paramref name="testCase"/>, counting from invocation 0.</summary>
    public void Attach(string executionArn, MockedTestCase testCase) => executions[executionArn] = new MockedExecution(testCase);

    /// <summary>Stops mocking an execution that ended.</summary>
    public void Detach(string executionArn) => executions.TryRemove(executionArn, out _);

    /// <inheritdoc />
    public ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        if (executions.IsEmpty || !executions.TryGetValue(invocation.ExecutionArn, out var execution)
            || execution.Next(invocation.StateName) is not { } answer)
        {
            return real.InvokeAsync(invocation, cancellationToken);
        }

        if (invocation.TaskToken is { } token)
        {
            _ = answer.Throws ? callbacks.Fail(token, answer.Error, answer.Cause) : callbacks.Succeed(token, answer.Result?.DeepClone());
            return ValueTask.FromResult<JsonNode?>(null);
        }

        return answer.Throws
            ? ValueTask.FromException<JsonNode?>(new StatesException(answer.Error!, answer.Cause ?? ""))
            : ValueTask.FromResult(answer.Result?.DeepClone());
    }

    private sealed class MockedExecution(MockedTestCase testCase)
    {
        private readonly ConcurrentDictionary<string, int> invocations = new(StringComparer.Ordinal);

        // Map iterations and Parallel branches may invoke one state at once; each call takes the next number.
        public MockedAnswer? Next(string stateName) =>
            testCase.States.TryGetValue(stateName, out var response)
                ? response.AnswerFor(invocations.AddOrUpdate(stateName, 0, (_, n) => n + 1))
                : null;
    }
}
