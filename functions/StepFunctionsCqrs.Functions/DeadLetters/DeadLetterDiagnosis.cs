using StepFunctionsCqrs.Domain.Outcomes;
using StepFunctionsCqrs.Functions.Commands;
using StepFunctionsCqrs.Functions.Dispatching;
using StepFunctionsCqrs.Functions.StepFunctions;

namespace StepFunctionsCqrs.Functions.DeadLetters;

/// <summary>Why a dead-lettered body could not become an execution, by the dispatcher's own rules.</summary>
public static class DeadLetterDiagnosis
{
    /// <summary>The reason, naming what was wrong with the body, judged from the body alone.</summary>
    public static string Why(string? body) =>
        DispatchableBody.Problem(body, out var commandId, out _) ?? Undiagnosed(commandId);

    /// <summary>
    /// The reason, judged from the body and, for a body that could have been dispatched, from Step Functions: an
    /// execution of that name holding a different command means the id was reused.
    /// </summary>
    public static async Task<string> WhyAsync(string? body, IStepFunctionsClient stepFunctions, string stateMachineArn, CancellationToken cancellationToken)
    {
        if (DispatchableBody.Problem(body, out var commandId, out var command) is { } problem)
        {
            return problem;
        }

        try
        {
            return await CommandIdReuse.CheckAsync(stepFunctions, stateMachineArn, commandId, command, cancellationToken).ConfigureAwait(false) switch
            {
                ExistingCommand.Different =>
                    $"{ReasonCodes.CommandIdReused}: the command id {QuotedValue.Of(commandId)} already names an execution started with a different command; send this command under a new id.",
                ExistingCommand.Same =>
                    $"The command {QuotedValue.Of(commandId)} already has its execution; this copy was dead-lettered after repeated dispatch failures and needs no redrive.",
                _ => Undiagnosed(commandId),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return $"{Undiagnosed(commandId)} Step Functions could not say whether the id was reused: {e.Message}";
        }
    }

    private static string Undiagnosed(string commandId) =>
        $"The command {QuotedValue.Of(commandId)} is well-formed enough to dispatch; it was dead-lettered after repeated dispatch failures (see the dispatcher's log).";
}
