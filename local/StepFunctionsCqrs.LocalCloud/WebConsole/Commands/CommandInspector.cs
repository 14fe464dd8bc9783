using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Domain.Events;
using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Json;
using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.Functions.StepFunctions.Errors;
using StepFunctionsCqrs.Functions.StepFunctions.Model;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;
using StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

namespace StepFunctionsCqrs.LocalCloud.WebConsole.Commands;

/// <summary>
/// Follows one command through the system's public APIs: its execution (Step Functions), its outcome (the status
/// view), its commits (the commit log) and the rows the projections wrote (the views), all read with the stores' own code.
/// </summary>
public sealed class CommandInspector(ConsoleConnection connection)
{
    /// <summary>The command's details; a 404 saying where it was looked for when it has neither an execution nor a status.</summary>
    public async Task<CommandDetails> InspectAsync(string commandId, CancellationToken cancellationToken)
    {
        ConsoleQuery.CommandId(commandId);
        var tables = connection.Clients.Tables;
        var machineArn = connection.Clients.Resources.StateMachineArn;
        var executionArn = ExecutionArn.TryFor(machineArn, commandId)!;
        var execution = await DescribeAsync(executionArn, cancellationToken).ConfigureAwait(false);
        var status = await new DynamoDbCommandStatusView(connection.Clients.DynamoDb, tables.CommandStatus).ReadAsync(commandId, cancellationToken).ConfigureAwait(false);
        if (execution is null && status is null)
        {
            throw ConsoleProblem.NotFound("CommandNotFound",
                $"No command '{commandId}' was found: there is no execution {executionArn} and no row in the {tables.CommandStatus} table. It may still be queued, or dead-lettered: see Queues.");
        }

        var history = execution is null
            ? []
            : await connection.Clients.StepFunctions.GetAllExecutionHistoryAsync(executionArn, includeExecutionData: true, cancellationToken).ConfigureAwait(false);
        var commit = CommitOf(history);
        var versions = status?.Changes?.Select(c => (c.AggregateId, c.Version))
            ?? commit?.Changes.Select(c => (c.AggregateId, c.Version))
            ?? [];

        var log = new DynamoDbCommitLog(connection.Clients.DynamoDb, tables.CommitLog);
        var commits = new List<CommitDetails>();
        foreach (var (aggregateId, version) in versions)
        {
            if (await log.ReadAsync(aggregateId, version, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                commits.Add(new CommitDetails(stored.AggregateId, stored.Version, stored.CommittedAt, stored.ExecutionId,
                    JsonNode.Parse(EventJson.Serialize(stored.Events))!));
            }
        }

        var views = commit is null ? [] : await new ViewRowReader(connection.Clients.DynamoDb, tables).ReadAsync(commit, cancellationToken).ConfigureAwait(false);
        var envelope = (JsonPayload.Parse(execution?.Input) as JsonObject)?["command"]?.DeepClone();
        var link = execution is null ? null : new ExecutionLink(Bootstrap.LocalResources.StateMachineName, execution.Name, execution.ExecutionArn, execution.Status);
        return new CommandDetails(commandId, envelope, status, link, commits, views);
    }

    private async Task<DescribeExecutionResult?> DescribeAsync(string executionArn, CancellationToken cancellationToken)
    {
        try
        {
            return await connection.Clients.StepFunctions.DescribeExecutionAsync(executionArn, cancellationToken).ConfigureAwait(false);
        }
        catch (ExecutionDoesNotExistException)
        {
            return null;
        }
    }

    // The commit the projections were given: the output of the task that persisted the command, whatever its state is called.
    private static Commit? CommitOf(IReadOnlyList<HistoryEvent> history)
    {
        foreach (var e in history)
        {
            if (e.Type.EndsWith("Succeeded", StringComparison.Ordinal)
                && JsonPayload.Parse(EventDetails.String(e, "output")) is JsonObject output
                && output["commit"] is JsonObject commit && commit["changes"] is JsonArray)
            {
                try
                {
                    return commit.Deserialize<Commit>(HandlerJson.Options);
                }
                catch (JsonException)
                {
                    // Not a commit of this system's shape; keep looking.
                }
            }
        }

        return null;
    }
}
