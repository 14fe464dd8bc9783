using System.Text.Json;
using Microsoft.Extensions.Logging;
using StepFunctionsCqrs.Functions.Aws;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Contracts;
using StepFunctionsCqrs.Functions.Json;
using StepFunctionsCqrs.Functions.Logging;
using StepFunctionsCqrs.Functions.Metrics;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;

namespace StepFunctionsCqrs.Functions.Handlers;

/// <summary>Lambda entry point for the RecordStatus function: the command's outcome into the status view, first record wins.</summary>
public sealed class RecordStatusHandler
{
    private readonly ICommandStatusView view;
    private readonly TimeProvider timeProvider;
    private readonly TimeSpan retention;
    private readonly ILogger log;

    /// <summary>Configured from the environment: the command status table, its retention and the standard AWS settings.</summary>
    public RecordStatusHandler()
        : this(new DynamoDbCommandStatusView(AwsClientFactory.CreateDynamoDb(), TableNames.FromEnvironment().CommandStatus), TimeProvider.System, CommandStatusRetention.FromEnvironment())
    {
    }

    /// <summary>Writes to the given view, stamping records with the given clock and the default retention.</summary>
    public RecordStatusHandler(ICommandStatusView view, TimeProvider timeProvider)
        : this(view, timeProvider, CommandStatusRetention.Default)
    {
    }

    /// <summary>
    /// Writes to the given view, stamping records with the given clock, to expire after <paramref name="retention"/>,
    /// logging to <paramref name="loggers"/> (the process's by default).
    /// </summary>
    public RecordStatusHandler(ICommandStatusView view, TimeProvider timeProvider, TimeSpan retention, ILoggerFactory? loggers = null)
    {
        this.view = view;
        this.timeProvider = timeProvider;
        this.retention = retention;
        log = (loggers ?? HandlerLogging.Factory).CreateLogger<RecordStatusHandler>();
    }

    /// <summary>Lambda calls this with the raw event and returns the raw response.</summary>
    public async Task<Stream> Handle(Stream input)
    {
        var request = await HandlerJson.ReadAsync<RecordStatusRequest>(input).ConfigureAwait(false);
        return await InvocationLog.RunAsync(log, InvocationLog.CommandScope("RecordStatus", request.CommandId, request.ExecutionId), () => RecordAsync(request), request.Sqs?.TraceParent).ConfigureAwait(false);
    }

    private async Task<InvocationResult> RecordAsync(RecordStatusRequest request)
    {
        var record = new CommandStatusRecord(
            request.CommandId,
            request.Status,
            request.Rejection?.Reasons,
            StatusError.Public(request.Error),
            request.Commit?.Changes.Select(c => new AppendedVersion(c.AggregateId, c.Version)).ToList(),
            request.ExecutionId,
            timeProvider.GetUtcNow(),
            timeProvider.GetUtcNow() + retention);
        var held = await view.RecordAsync(record, CancellationToken.None).ConfigureAwait(false);
        if (held.ExecutionId == request.ExecutionId)
        {
            PipelineMetrics.CommandEnded(CommandTypeOf(request.Command), held.Status.ToString(), request.Sqs?.SentTimestamp ?? 0, timeProvider.GetUtcNow());
        }

        // A status already held by another execution is the first record winning, as designed; the line says so.
        return new InvocationResult(HandlerJson.Write(new RecordStatusResult(held.CommandId, held.Status, held.ExecutionId)), held.Status.ToString(),
            new Dictionary<string, object?> { ["recorded"] = request.Status.ToString(), ["heldByExecution"] = held.ExecutionId });
    }

    private static string? CommandTypeOf(JsonElement? command) =>
        command is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()
            : null;
}
