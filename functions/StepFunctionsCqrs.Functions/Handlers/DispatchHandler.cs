using System.Globalization;
using Microsoft.Extensions.Logging;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Dispatching;
using StepFunctionsCqrs.Functions.Json;
using StepFunctionsCqrs.Functions.Logging;
using StepFunctionsCqrs.Functions.Metrics;
using StepFunctionsCqrs.Functions.Sqs;
using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.Functions.Tracing;

namespace StepFunctionsCqrs.Functions.Handlers;

/// <summary>Lambda entry point for the Dispatch function: SQS batch in, one execution per command, partial batch response out.</summary>
public sealed class DispatchHandler
{
    /// <summary>The environment variable naming the command pipeline state machine.</summary>
    public const string StateMachineArnVariable = "STATE_MACHINE_ARN";

    /// <summary>The environment variable giving the queue's redrive maxReceiveCount, so a refusal on the last delivery counts as a dead letter.</summary>
    public const string MaxReceiveCountVariable = "COMMANDS_MAX_RECEIVE_COUNT";

    private readonly MessageDispatcher dispatcher;
    private readonly int? maxReceiveCount;

    /// <summary>Configured from the environment: <see cref="StateMachineArnVariable"/> and the standard AWS settings.</summary>
    public DispatchHandler()
        : this(StepFunctionsClient.FromEnvironment(), RequiredEnvironment.Get(StateMachineArnVariable),
            maxReceiveCount: int.TryParse(Environment.GetEnvironmentVariable(MaxReceiveCountVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var max) && max > 0 ? max : null)
    {
    }

    /// <summary>
    /// Uses the given Step Functions client and state machine, logging to <paramref name="loggers"/> (the process's by
    /// default); a refusal on delivery <paramref name="maxReceiveCount"/> counts as a dead letter.
    /// </summary>
    public DispatchHandler(IStepFunctionsClient stepFunctions, string stateMachineArn, ILoggerFactory? loggers = null, int? maxReceiveCount = null)
    {
        dispatcher = new MessageDispatcher(stepFunctions, stateMachineArn, (loggers ?? HandlerLogging.Factory).CreateLogger<DispatchHandler>());
        this.maxReceiveCount = maxReceiveCount;
    }

    /// <summary>Lambda calls this with the raw event and returns the raw response.</summary>
    public async Task<Stream> Handle(Stream input)
    {
        HandlerTelemetry.EnsureStarted();
        var sqsEvent = await HandlerJson.ReadAsync<SqsEvent>(input).ConfigureAwait(false);
        var messages = sqsEvent.Records ?? [];
        DispatchOutcome[] outcomes;
        try
        {
            outcomes = await Task.WhenAll(messages.Select(m => dispatcher.DispatchAsync(m, CancellationToken.None))).ConfigureAwait(false);
            foreach (var (message, outcome) in messages.Zip(outcomes).Where(p => Refused(p.Second)))
            {
                PipelineMetrics.DispatchRefused(outcome.ToString(), message.ReceiveCount, maxReceiveCount);
            }
        }
        finally
        {
            HandlerTelemetry.Flush();
        }

        var retry = messages.Zip(outcomes)
            .Where(p => Refused(p.Second))
            .Select(p => new BatchItemFailure(p.First.MessageId));
        return HandlerJson.Write(new SqsBatchResponse([.. retry]));
    }

    private static bool Refused(DispatchOutcome outcome) => outcome is DispatchOutcome.Failed or DispatchOutcome.Unusable or DispatchOutcome.Reused;
}
