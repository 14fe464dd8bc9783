using StepFunctionsCqrs.Functions.Aws;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Contracts;
using StepFunctionsCqrs.Functions.Json;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;

namespace StepFunctionsCqrs.Functions.Handlers;

/// <summary>Lambda entry point for the RecordStatus function: the command's outcome into the status view, first record wins.</summary>
public sealed class RecordStatusHandler
{
    private readonly ICommandStatusView view;
    private readonly TimeProvider timeProvider;

    /// <summary>Configured from the environment: the command status table and the standard AWS settings.</summary>
    public RecordStatusHandler()
        : this(new DynamoDbCommandStatusView(AwsClientFactory.CreateDynamoDb(), TableNames.FromEnvironment().CommandStatus), TimeProvider.System)
    {
    }

    /// <summary>Writes to the given view, stamping records with the given clock.</summary>
    public RecordStatusHandler(ICommandStatusView view, TimeProvider timeProvider)
    {
        this.view = view;
        this.timeProvider = timeProvider;
    }

    /// <summary>Lambda calls this with the raw event and returns the raw response.</summary>
    public async Task<Stream> Handle(Stream input)
    {
        var request = await HandlerJson.ReadAsync<RecordStatusRequest>(input).ConfigureAwait(false);
        var record = new CommandStatusRecord(
            request.CommandId,
            request.Status,
            request.Rejection?.Reasons,
            StatusError.Public(request.Error),
            request.Commit?.Changes.Select(c => new AppendedVersion(c.AggregateId, c.Version)).ToList(),
            request.ExecutionId,
            timeProvider.GetUtcNow());
        var held = await view.RecordAsync(record, CancellationToken.None).ConfigureAwait(false);
        return HandlerJson.Write(new RecordStatusResult(held.CommandId, held.Status, held.ExecutionId));
    }
}
