using System.Text.Json;
using StepFunctionsCqrs.Functions.Commands;
using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.Functions.StepFunctions.Errors;

namespace StepFunctionsCqrs.Functions.Dispatching;

/// <summary>
/// The one rule for telling a redelivery from a reused command id: the execution the id names is described and its
/// input's <c>command</c> compared with this command by <see cref="CommandFingerprint"/>, the rule Persist's ledger
/// uses too, so formatting and key order do not count and both layers agree on what the same command is.
/// The SQS context beside it differs on every delivery, which is why StartExecution alone cannot tell.
/// </summary>
public static class CommandIdReuse
{
    /// <summary>Whether an execution named <paramref name="commandId"/> exists and holds <paramref name="command"/>; Step Functions errors other than a missing execution propagate.</summary>
    public static async Task<ExistingCommand> CheckAsync(
        IStepFunctionsClient stepFunctions, string stateMachineArn, string commandId, JsonElement command, CancellationToken cancellationToken)
    {
        var executionArn = ExecutionArn.TryFor(stateMachineArn, commandId)
            ?? throw new ArgumentException($"'{stateMachineArn}' is not a state machine ARN.", nameof(stateMachineArn));
        string? input;
        try
        {
            input = (await stepFunctions.DescribeExecutionAsync(executionArn, cancellationToken).ConfigureAwait(false)).Input;
        }
        catch (ExecutionDoesNotExistException)
        {
            return ExistingCommand.None;
        }

        if (input is null)
        {
            // Without the input there is nothing to compare; guessing either way could drop a command or run one twice.
            throw new InvalidOperationException($"DescribeExecution of {executionArn} returned no input to compare the command with.");
        }

        try
        {
            using var document = JsonDocument.Parse(input);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("command", out var existing)
                && CommandFingerprint.Of(existing) == CommandFingerprint.Of(command)
                    ? ExistingCommand.Same
                    : ExistingCommand.Different;
        }
        catch (JsonException)
        {
            // Not an input the dispatcher wrote, so not this command.
            return ExistingCommand.Different;
        }
    }
}
