using System.Text.Json;
using StepFunctionsCqrs.Cli.Queries;
using StepFunctionsCqrs.Functions.Json;
using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Cli.Status;

/// <summary>Reads command outcomes from the command status view, once or until one is recorded.</summary>
public sealed class CommandStatusReader(IReadApiClient readApi, TimeProvider timeProvider)
{
    /// <summary>The command's outcome now.</summary>
    public async Task<CommandStatusReport> ReadAsync(string commandId, CancellationToken cancellationToken)
    {
        var (path, query) = ReadRoutes.CommandStatus(commandId);
        var answer = await readApi.GetAsync(path, query, cancellationToken).ConfigureAwait(false);
        return answer.StatusCode switch
        {
            200 => new CommandStatusReport(commandId, JsonSerializer.Deserialize<CommandStatusRecord>(answer.Body, HandlerJson.Options)),
            404 => new CommandStatusReport(commandId, null),
            _ => throw new CliException($"Reading the status of '{commandId}' failed: {answer.ErrorMessage()}"),
        };
    }

    /// <summary>Polls until an outcome is recorded or <paramref name="timeout"/> passes; the last report either way.</summary>
    public async Task<CommandStatusReport> WaitAsync(string commandId, TimeSpan timeout, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        var deadline = timeProvider.GetUtcNow() + timeout;
        while (true)
        {
            var report = await ReadAsync(commandId, cancellationToken).ConfigureAwait(false);
            if (report.Settled || timeProvider.GetUtcNow() >= deadline)
            {
                return report;
            }

            await Task.Delay(pollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
