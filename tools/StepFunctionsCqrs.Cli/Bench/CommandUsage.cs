namespace StepFunctionsCqrs.Cli.Bench;

/// <summary>
/// What one command used on average in a bench run: state transitions, Lambda invocations and run time from the sampled
/// executions' histories, Dispatch (which no history shows) and DynamoDB and SQS from the local cloud's meter.
/// </summary>
/// <param name="SampledExecutions">Executions whose histories were read.</param>
/// <param name="StateTransitions">Standard-billed state transitions per command.</param>
/// <param name="Invocations">Lambda invocations per command, by function name.</param>
/// <param name="BilledMilliseconds">Lambda billed milliseconds per command, by function name.</param>
/// <param name="ExpressBilledSeconds">The execution's duration rounded up to Express's 100 ms step, per command.</param>
/// <param name="DynamoDb">DynamoDB per command, or null when the endpoint has no meter.</param>
/// <param name="SqsRequests">SQS requests per command (sends, receives, deletes), or null when the endpoint has no meter.</param>
public sealed record CommandUsage(
    int SampledExecutions,
    double StateTransitions,
    IReadOnlyDictionary<string, double> Invocations,
    IReadOnlyDictionary<string, double> BilledMilliseconds,
    double ExpressBilledSeconds,
    DynamoDbUsage? DynamoDb,
    double? SqsRequests)
{
    /// <summary>Lambda invocations per command over every function.</summary>
    public double LambdaInvocations => Invocations.Values.Sum();

    /// <summary>
    /// Averages <paramref name="executions"/>, and takes from <paramref name="meter"/> (what the functions used while
    /// <paramref name="commands"/> commands ran) DynamoDB, SQS and the functions no history shows. <paramref name="sendRequests"/>
    /// are the SQS requests that sent the commands.
    /// </summary>
    public static CommandUsage From(IReadOnlyCollection<ExecutionUsage> executions, MeterSnapshot? meter, int commands, int sendRequests)
    {
        var sampled = Math.Max(1, executions.Count);
        var invocations = executions.SelectMany(e => e.Invocations).GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(p => (double)p.Value) / sampled, StringComparer.Ordinal);
        var billed = executions.SelectMany(e => e.BilledMilliseconds).GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(p => (double)p.Value) / sampled, StringComparer.Ordinal);
        var step = AwsPrices.ExpressDurationStep.TotalSeconds;
        var expressSeconds = executions.Count == 0 ? 0 : executions.Average(e => Math.Ceiling(e.Duration.TotalSeconds / step) * step);
        var perCommand = Math.Max(1, commands);
        if (meter is not null)
        {
            // The histories show every task; the meter adds what runs outside an execution (Dispatch, fed by SQS).
            foreach (var (function, usage) in meter.Functions.Where(f => !invocations.ContainsKey(f.Key) && f.Value.Invocations > 0))
            {
                invocations[function] = (double)usage.Invocations / perCommand;
                billed[function] = (double)usage.BilledMilliseconds / perCommand;
            }
        }

        return new CommandUsage(
            executions.Count,
            executions.Count == 0 ? 0 : executions.Average(e => e.StateTransitions),
            invocations,
            billed,
            expressSeconds,
            meter is null ? null : new DynamoDbUsage(
                meter.ReadUnits / perCommand, meter.WriteUnits / perCommand, (double)meter.DynamoDbRequests / perCommand, (double)meter.ConditionalCheckFailures / perCommand),
            meter is null ? null : (meter.SqsRequests.Values.Sum() + sendRequests) / (double)perCommand);
    }
}

/// <summary>DynamoDB per command.</summary>
/// <param name="ReadUnits">Read request units.</param>
/// <param name="WriteUnits">Write request units.</param>
/// <param name="Requests">Requests of any kind.</param>
/// <param name="ConditionalCheckFailures">Writes refused by their condition (each billed one write unit).</param>
public sealed record DynamoDbUsage(double ReadUnits, double WriteUnits, double Requests, double ConditionalCheckFailures);
