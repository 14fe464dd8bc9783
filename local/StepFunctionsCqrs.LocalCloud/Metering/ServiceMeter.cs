namespace StepFunctionsCqrs.LocalCloud.Metering;

/// <summary>
/// What the pipeline's own functions asked of the services, counted as AWS would bill it: DynamoDB read and write units
/// per table (as dynalite reports them through ReturnConsumedCapacity), SQS requests per operation, and each function's
/// invocations and run time. <c>GET /meter</c> answers a <see cref="MeterReading"/>; two readings apart give a run's usage.
/// </summary>
public sealed class ServiceMeter
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, TableUsage> tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> sqs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FunctionUsage> functions = new(StringComparer.Ordinal);

    /// <summary>Adds one DynamoDB request to <paramref name="table"/>.</summary>
    public void RecordDynamoDb(string table, double readUnits, double writeUnits, bool conditionalCheckFailed)
    {
        lock (gate)
        {
            var usage = tables.GetValueOrDefault(table) ?? new TableUsage(0, 0, 0, 0);
            tables[table] = new TableUsage(usage.Requests + 1, usage.ReadUnits + readUnits, usage.WriteUnits + writeUnits,
                usage.ConditionalCheckFailures + (conditionalCheckFailed ? 1 : 0));
        }
    }

    /// <summary>Adds one SQS request of <paramref name="operation"/> (ReceiveMessage, DeleteMessageBatch, ...).</summary>
    public void RecordSqs(string operation)
    {
        lock (gate)
        {
            sqs[operation] = sqs.GetValueOrDefault(operation) + 1;
        }
    }

    /// <summary>Adds one invocation of <paramref name="function"/> that ran for <paramref name="elapsed"/>.</summary>
    public void RecordInvocation(string function, TimeSpan elapsed)
    {
        lock (gate)
        {
            var usage = functions.GetValueOrDefault(function) ?? new FunctionUsage(0, 0, 0);
            // Lambda bills duration rounded up to the next millisecond, per invocation.
            functions[function] = new FunctionUsage(usage.Invocations + 1, usage.Milliseconds + elapsed.TotalMilliseconds,
                usage.BilledMilliseconds + (long)Math.Ceiling(elapsed.TotalMilliseconds));
        }
    }

    /// <summary>Everything counted so far.</summary>
    public MeterReading Read()
    {
        lock (gate)
        {
            return new MeterReading(
                new Dictionary<string, TableUsage>(tables, StringComparer.Ordinal),
                new Dictionary<string, long>(sqs, StringComparer.Ordinal),
                new Dictionary<string, FunctionUsage>(functions, StringComparer.Ordinal));
        }
    }
}
