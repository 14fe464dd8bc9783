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

    /// <summary>
    /// Configured from the environment: the commit log table and the standard AWS settings. A warm function keeps the
    /// aggregates it has loaded, so deciding reads only the commits appended since.
    /// </summary>
    public PersistHandler()
        : this(AwsClientFactory.CreateDynamoDb(), TableNames.FromEnvironment().CommitLog)
    {
    }

    /// <summary>Uses the given commit log, command ledger, snapshots and clock.</summary>
    public PersistHandler(ICommitLog commitLog, ICommandLedger ledger, ISnapshotStore snapshots, TimeProvider timeProvider)
        : this(new CommandPersister(commitLog, ledger, new InventoryHistories(commitLog, snapshots, timeProvider, JsonLineLogger.For<InventoryHistories>()), timeProvider))
    {
    }

    /// <summary>Uses the given persister.</summary>
    public PersistHandler(CommandPersister persister) => this.persister = persister;

    private PersistHandler(Amazon.DynamoDBv2.IAmazonDynamoDB dynamoDb, string commitLogTable)
        : this(new DynamoDbCommitLog(dynamoDb, commitLogTable), new DynamoDbCommandLedger(dynamoDb, commitLogTable),
            new DynamoDbSnapshotStore(dynamoDb, commitLogTable), TimeProvider.System)
    {
    }

    /// <summary>Lambda calls this with the raw event and returns the raw response.</summary>
    public async Task<Stream> Handle(Stream input)
    {
        var request = await HandlerJson.ReadAsync<PersistRequest>(input).ConfigureAwait(false);
        var reading = EnvelopeReader.Read(request.Command);
        var envelope = reading.Envelope ?? throw new InvalidOperationException(
            $"Persist received a command that validation should have rejected: {string.Join("; ", reading.Reasons.Select(r => r.Message))}");
        var fingerprint = CommandFingerprint.Of(request.Command);
        var outcome = request.LookupOnly
            ? await persister.FindAsync(envelope, fingerprint, request.ExecutionId, CancellationToken.None).ConfigureAwait(false)
            : await persister.PersistAsync(envelope, fingerprint, request.ExecutionId, CancellationToken.None).ConfigureAwait(false);
        return HandlerJson.Write(outcome);
    }
}
