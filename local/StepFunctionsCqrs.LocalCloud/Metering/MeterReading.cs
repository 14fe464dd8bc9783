namespace StepFunctionsCqrs.LocalCloud.Metering;

/// <summary>What <c>GET /meter</c> answers: the usage counted since the local cloud started.</summary>
/// <param name="DynamoDb">Per table name.</param>
/// <param name="Sqs">Requests per SQS operation.</param>
/// <param name="Functions">Per catalog function name.</param>
public sealed record MeterReading(
    IReadOnlyDictionary<string, TableUsage> DynamoDb, IReadOnlyDictionary<string, long> Sqs, IReadOnlyDictionary<string, FunctionUsage> Functions);

/// <summary>One table's requests and capacity units.</summary>
/// <param name="Requests">Requests made, including those refused by their condition.</param>
/// <param name="ReadUnits">Read request units consumed.</param>
/// <param name="WriteUnits">Write request units consumed, one per conditional write refused by its condition included.</param>
/// <param name="ConditionalCheckFailures">Writes refused by their condition.</param>
public sealed record TableUsage(long Requests, double ReadUnits, double WriteUnits, long ConditionalCheckFailures);

/// <summary>One function's invocations and time spent in its handler.</summary>
/// <param name="Invocations">Invocations.</param>
/// <param name="Milliseconds">Time in the handler.</param>
/// <param name="BilledMilliseconds">Time in the handler, each invocation rounded up to a whole millisecond as Lambda bills it.</param>
public sealed record FunctionUsage(long Invocations, double Milliseconds, long BilledMilliseconds);
