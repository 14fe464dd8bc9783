using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Cli.Bench;

/// <summary>
/// The local cloud's meter at one moment (<c>GET /meter</c>): the DynamoDB capacity, SQS requests and invocations the
/// pipeline's functions used since it started. Two snapshots apart give one run's usage.
/// </summary>
/// <param name="Tables">Per table: requests, read units, write units, writes refused by their condition.</param>
/// <param name="SqsRequests">Requests per SQS operation.</param>
/// <param name="Functions">Per function: invocations and billed milliseconds.</param>
public sealed record MeterSnapshot(
    IReadOnlyDictionary<string, MeteredTable> Tables, IReadOnlyDictionary<string, long> SqsRequests, IReadOnlyDictionary<string, MeteredFunction> Functions)
{
    /// <summary>Nothing counted.</summary>
    public static MeterSnapshot Empty { get; } = new(new Dictionary<string, MeteredTable>(), new Dictionary<string, long>(), new Dictionary<string, MeteredFunction>());

    /// <summary>Read units over every table.</summary>
    public double ReadUnits => Tables.Values.Sum(t => t.ReadUnits);

    /// <summary>Write units over every table.</summary>
    public double WriteUnits => Tables.Values.Sum(t => t.WriteUnits);

    /// <summary>DynamoDB requests over every table.</summary>
    public long DynamoDbRequests => Tables.Values.Sum(t => t.Requests);

    /// <summary>Writes refused by their condition over every table.</summary>
    public long ConditionalCheckFailures => Tables.Values.Sum(t => t.ConditionalCheckFailures);

    /// <summary>What was counted after <paramref name="earlier"/>.</summary>
    public MeterSnapshot Since(MeterSnapshot earlier) => new(
        Tables.ToDictionary(p => p.Key, p => earlier.Tables.TryGetValue(p.Key, out var e)
            ? new MeteredTable(p.Value.Requests - e.Requests, p.Value.ReadUnits - e.ReadUnits, p.Value.WriteUnits - e.WriteUnits, p.Value.ConditionalCheckFailures - e.ConditionalCheckFailures)
            : p.Value, StringComparer.Ordinal),
        SqsRequests.ToDictionary(p => p.Key, p => p.Value - earlier.SqsRequests.GetValueOrDefault(p.Key), StringComparer.Ordinal),
        Functions.ToDictionary(p => p.Key, p => earlier.Functions.TryGetValue(p.Key, out var e)
            ? new MeteredFunction(p.Value.Invocations - e.Invocations, p.Value.BilledMilliseconds - e.BilledMilliseconds)
            : p.Value, StringComparer.Ordinal));

    /// <summary>Reads the JSON the local cloud answers; null when it is not a meter reading.</summary>
    public static MeterSnapshot? Parse(string json)
    {
        if (JsonNode.Parse(json) is not JsonObject root || root["dynamoDb"] is not JsonObject tables
            || root["sqs"] is not JsonObject sqs || root["functions"] is not JsonObject functions)
        {
            return null;
        }

        static double Number(JsonNode? node) => node?.GetValue<double>() ?? 0;
        return new MeterSnapshot(
            tables.ToDictionary(p => p.Key, p => new MeteredTable(
                (long)Number(p.Value?["requests"]), Number(p.Value?["readUnits"]), Number(p.Value?["writeUnits"]), (long)Number(p.Value?["conditionalCheckFailures"])), StringComparer.Ordinal),
            sqs.ToDictionary(p => p.Key, p => (long)Number(p.Value), StringComparer.Ordinal),
            functions.ToDictionary(p => p.Key, p => new MeteredFunction((long)Number(p.Value?["invocations"]), (long)Number(p.Value?["billedMilliseconds"])), StringComparer.Ordinal));
    }
}

/// <summary>One table's metered usage.</summary>
public sealed record MeteredTable(long Requests, double ReadUnits, double WriteUnits, long ConditionalCheckFailures);

/// <summary>One function's metered invocations and billed run time.</summary>
public sealed record MeteredFunction(long Invocations, long BilledMilliseconds);
