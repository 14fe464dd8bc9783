using StepFunctionsCqrs.Functions.Aws;
using StepFunctionsCqrs.Functions.Commands;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Contracts;
using StepFunctionsCqrs.Functions.Json;
using StepFunctionsCqrs.Functions.Persistence;
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
        : this(new CachedCommitLog(new DynamoDbCommitLog(AwsClientFactory.CreateDynamoDb(), TableNames.FromEnvironment().CommitLog)), TimeProvider.System)
    {
    }

    /// <summary>Uses the given commit log and clock.</summary>
    public PersistHandler(ICommitLog commitLog, TimeProvider timeProvider) => persister = new CommandPersister(commitLog, timeProvider);

    /// <summary>Lambda calls this with the raw event and returns the raw response.</summary>
    public async Task<Stream> Handle(Stream input)
    {
        var request = await HandlerJson.ReadAsync<PersistRequest>(input).ConfigureAwait(false);
        var reading = EnvelopeReader.Read(request.Command);
        var envelope = reading.Envelope ?? throw new InvalidOperationException(
            $"Persist received a command that validation should have rejected: {string.Join("; ", reading.Reasons.Select(r => r.Message))}");
        var outcome = await persister.PersistAsync(envelope, request.ExecutionId, CancellationToken.None).ConfigureAwait(false);
        return HandlerJson.Write(outcome);
    }
}
