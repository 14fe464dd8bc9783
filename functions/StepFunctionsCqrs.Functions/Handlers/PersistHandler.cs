using Microsoft.Extensions.Logging;
using StepFunctionsCqrs.Functions.Aws;
using StepFunctionsCqrs.Functions.Commands;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Contracts;
using StepFunctionsCqrs.Functions.Json;
using StepFunctionsCqrs.Functions.Logging;
using StepFunctionsCqrs.Functions.Persistence;
using StepFunctionsCqrs.Functions.Snapshots;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;

namespace StepFunctionsCqrs.Functions.Handlers;

/// <summary>Lambda entry point for the Persist function: decide and append; throws ConcurrencyConflict or TransientStoreError for the workflow to retry.</summary>
public sealed class PersistHandler
{
    private readonly CommandPersister persister;
    private readonly ILogger log;

    /// <summary>
    /// Configured from the environment: the commit log table and the standard AWS settings. A warm function keeps the
    /// aggregates it has loaded, so deciding reads only the commits appended since.
    /// </summary>
    public PersistHandler()
        : this(AwsClientFactory.CreateDynamoDb(), TableNames.FromEnvironment().CommitLog)
    {
    }

    /// <summary>Uses the given commit log, command ledger, snapshots and clock, logging to <paramref name="loggers"/> (the process's by default).</summary>
    public PersistHandler(ICommitLog commitLog, ICommandLedger ledger, ISnapshotStore snapshots, TimeProvider timeProvider, ILoggerFactory? loggers = null)
        : this(new CommandPersister(commitLog, ledger,
            new InventoryHistories(commitLog, snapshots, timeProvider, (loggers ?? HandlerLogging.Factory).CreateLogger<InventoryHistories>()), timeProvider), loggers)
    {
    }

    /// <summary>Uses the given persister, logging to <paramref name="loggers"/> (the process's by default).</summary>
    public PersistHandler(CommandPersister persister, ILoggerFactory? loggers = null)
    {
        this.persister = persister;
        log = (loggers ?? HandlerLogging.Factory).CreateLogger<PersistHandler>();
    }

    private PersistHandler(Amazon.DynamoDBv2.IAmazonDynamoDB dynamoDb, string commitLogTable)
        : this(new DynamoDbCommitLog(dynamoDb, commitLogTable), new DynamoDbCommandLedger(dynamoDb, commitLogTable),
            new DynamoDbSnapshotStore(dynamoDb, commitLogTable), TimeProvider.System)
    {
    }

    /// <summary>Lambda calls this with the raw event and returns the raw response.</summary>
    public async Task<Stream> Handle(Stream input)
    {
        var request = await HandlerJson.ReadAsync<PersistRequest>(input).ConfigureAwait(false);
        return await InvocationLog.RunAsync(log, InvocationLog.CommandScope(request.LookupOnly ? "FindCommit" : "Persist", request.Command, request.ExecutionId), async () =>
        {
            var reading = EnvelopeReader.Read(request.Command);
            var envelope = reading.Envelope ?? throw new InvalidOperationException(
                $"Persist received a command that validation should have rejected: {string.Join("; ", reading.Reasons.Select(r => r.Message))}");
            var fingerprint = CommandFingerprint.Of(request.Command);
            var outcome = request.LookupOnly
                ? await persister.FindAsync(envelope, fingerprint, request.ExecutionId, CancellationToken.None).ConfigureAwait(false)
                : await persister.PersistAsync(envelope, fingerprint, request.ExecutionId, CancellationToken.None).ConfigureAwait(false);
            return new InvocationResult(HandlerJson.Write(outcome), outcome switch
            {
                { Commit: not null } => "Committed",
                { Rejection: not null } => "Declined",
                _ => "NotFound",
            }, OutcomeFields(outcome));
        }, request.Sqs?.TraceParent).ConfigureAwait(false);
    }

    private static Dictionary<string, object?> OutcomeFields(PersistOutcome outcome) => outcome switch
    {
        { Commit.Changes: [var first, ..] changes } => new() { ["aggregateId"] = first.AggregateId, ["version"] = first.Version, ["changes"] = changes.Count },
        { Rejection: { } rejection } => new() { ["reasonCodes"] = string.Join(",", rejection.Reasons.Select(r => r.Code).Distinct()) },
        _ => [],
    };
}
