using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl;
using StepFunctionsCqrs.LocalCloud.StepFunctions.Internal;

namespace StepFunctionsCqrs.LocalCloud.StepFunctions;

/// <summary>
/// RedriveExecution: an unsuccessful execution runs on from the state it ended in, with that state's input and the
/// variables then in scope, under the same ARN; its history goes on after an ExecutionRedriven event.
/// A Parallel or Map state is redriven whole, where the service reruns only its unsuccessful branches or iterations.
/// </summary>
public sealed class RedriveOperations(StepFunctionsStore store, ExecutionRunner runner, TimeProvider timeProvider)
{
    // The service answers a repeated client token with the first answer for up to 15 minutes.
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);
    private const int MaxClientTokenLength = 64;

    /// <summary>Redrives the execution; answers its redrive date.</summary>
    internal async Task<JsonObject> RedriveExecutionAsync(RequestFields request, CancellationToken cancellationToken)
    {
        var arn = request.RequiredString("executionArn");
        var token = request.OptionalString("clientToken");
        if (token is { Length: 0 or > MaxClientTokenLength })
        {
            throw new StepFunctionsFault(StepFunctionsErrorCodes.ValidationException,
                $"1 validation error detected: Value at 'clientToken' failed to satisfy constraint: Member must have length between 1 and {MaxClientTokenLength}");
        }

        StateMachineArns.ExecutionNames(arn, "executionArn");
        var execution = await RequireAsync(arn, cancellationToken).ConfigureAwait(false);
        if (Repeated(execution, token) is { } answer)
        {
            return answer;
        }

        var now = timeProvider.GetUtcNow();
        if (RedriveEligibility.ReasonNot(execution, now) is { } reason)
        {
            throw NotRedrivable(reason);
        }

        using (var history = JsonDocument.Parse(execution.HistoryJson ?? "[]"))
        {
            if (history.RootElement.GetArrayLength() > RedriveEligibility.MaxHistoryEvents)
            {
                throw NotRedrivable("Execution history event limit exceeded.");
            }
        }

        var machine = await store.GetStateMachineAsync(execution.StateMachineArn, cancellationToken).ConfigureAwait(false)
            ?? throw NotRedrivable($"The state machine {execution.StateMachineArn} was deleted.");
        var point = RedrivePoint.FromJson(execution.RedrivePoint!);
        if (!runner.HasTopLevelState(machine, point.StateName))
        {
            throw NotRedrivable($"The state machine was updated and no longer has the state '{point.StateName}' the execution ended in.");
        }

        var redriven = execution with { Status = "RUNNING", RedriveCount = execution.RedriveCount + 1, RedriveDate = now, RedriveToken = token };
        if (!await store.RedriveExecutionAsync(execution, redriven, cancellationToken).ConfigureAwait(false))
        {
            // Another redrive got there first: the same client token gets its answer, anyone else the refusal.
            var current = await RequireAsync(arn, cancellationToken).ConfigureAwait(false);
            return Repeated(current, token) ?? throw NotRedrivable(RedriveEligibility.ReasonNot(current, now) ?? "Execution was redriven by another request.");
        }

        runner.Run(machine, redriven);
        return Answer(now);
    }

    private JsonObject? Repeated(ExecutionRecord execution, string? token) =>
        token is not null && execution.RedriveToken == token && execution.RedriveDate is { } date && timeProvider.GetUtcNow() - date <= TokenLifetime
            ? Answer(date)
            : null;

    private async Task<ExecutionRecord> RequireAsync(string arn, CancellationToken cancellationToken) =>
        await store.GetExecutionAsync(arn, cancellationToken).ConfigureAwait(false)
        ?? throw new StepFunctionsFault(StepFunctionsErrorCodes.ExecutionDoesNotExist, $"Execution Does Not Exist: '{arn}'");

    private static StepFunctionsFault NotRedrivable(string reason) => new(StepFunctionsErrorCodes.ExecutionNotRedrivable, reason);

    private static JsonObject Answer(DateTimeOffset date) => new() { ["redriveDate"] = date.ToUnixTimeMilliseconds() / 1000.0 };
}
