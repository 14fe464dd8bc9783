using System.Collections.Concurrent;
using System.Net;
using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.Functions.StepFunctions.Errors;
using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.Functions.Tests.TestKit;

/// <summary>Stands in for the Step Functions service (which cannot run here): records StartExecution calls, behaves like the service on repeated names and describes what it started.</summary>
public sealed class RecordingStepFunctions : IStepFunctionsClient
{
    private readonly ConcurrentDictionary<string, string> executions = new();

    /// <summary>Names for which the next call fails as a throttled or unavailable service would.</summary>
    public ConcurrentDictionary<string, bool> FailNames { get; } = new();

    /// <summary>Every execution started, by name, with its input.</summary>
    public IReadOnlyDictionary<string, string> Executions => executions;

    /// <inheritdoc />
    public Task<StartExecutionResult> StartExecutionAsync(string stateMachineArn, string name, string input, CancellationToken cancellationToken = default)
    {
        if (FailNames.TryRemove(name, out _))
        {
            throw new HttpRequestException("Service unavailable");
        }

        var stored = executions.GetOrAdd(name, input);
        if (stored != input)
        {
            throw new ExecutionAlreadyExistsException($"Execution {name} already exists with different input.");
        }

        return Task.FromResult(new StartExecutionResult($"{stateMachineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal)}:{name}", DateTimeOffset.UnixEpoch));
    }

    /// <inheritdoc />
    public Task<DescribeExecutionResult> DescribeExecutionAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        var name = executionArn[(executionArn.LastIndexOf(':') + 1)..];
        var stateMachineArn = executionArn[..executionArn.LastIndexOf(':')].Replace(":execution:", ":stateMachine:", StringComparison.Ordinal);
        return executions.TryGetValue(name, out var input)
            ? Task.FromResult(new DescribeExecutionResult(executionArn, stateMachineArn, name, ExecutionStatus.Running, DateTimeOffset.UnixEpoch) { Input = input })
            : Task.FromException<DescribeExecutionResult>(new ExecutionDoesNotExistException(HttpStatusCode.BadRequest, $"Execution Does Not Exist: '{executionArn}'"));
    }
}
