using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Polly;
using Polly.Retry;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Functions.Errors;
using StepFunctionsCqrs.Functions.Snapshots;
using StepFunctionsCqrs.Functions.Stores.DynamoDb.Internal;

namespace StepFunctionsCqrs.Functions.Stores.DynamoDb;

/// <summary>
/// Snapshots in the commit log's table at pk <c>snapshot#&lt;aggregateId&gt;</c>, sk = version, and the bookings they
/// closed at pk <c>closed#&lt;aggregateId&gt;#&lt;bookingId&gt;</c>, sk = 0: Persist already holds the grants, and the
/// items sit beside the commits they summarize. Reads of the log (replay, the views) skip them.
/// </summary>
public sealed class DynamoDbSnapshotStore(IAmazonDynamoDB dynamoDb, string tableName) : ISnapshotStore
{
    /// <summary>The partition key prefix of snapshot items.</summary>
    public const string KeyPrefix = "snapshot#";

    /// <summary>The partition key prefix of closed bookings.</summary>
    public const string ClosedKeyPrefix = "closed#";

    // BatchWriteItem takes at most 25 puts; what DynamoDB leaves unprocessed under load is sent again after a back-off.
    private const int BatchSize = 25;

    private static readonly ResiliencePipeline UnprocessedRetry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<UnprocessedWrites>(),
            MaxRetryAttempts = 8,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(20),
            MaxDelay = TimeSpan.FromSeconds(1),
        })
        .Build();

    /// <inheritdoc />
    public async Task<StoredSnapshot?> ReadLatestAsync(string aggregateId, long? atOrBefore, CancellationToken cancellationToken)
    {
        var request = new QueryRequest
        {
            TableName = tableName,
            KeyConditionExpression = atOrBefore is null ? "AggregateId = :id" : "AggregateId = :id AND Version <= :at",
            ExpressionAttributeValues = atOrBefore is { } at
                ? new() { [":id"] = Attributes.S(KeyPrefix + aggregateId), [":at"] = Attributes.N(at) }
                : new() { [":id"] = Attributes.S(KeyPrefix + aggregateId) },
            ScanIndexForward = false,
            Limit = 1,
            ConsistentRead = true,
        };
        var response = await StoreErrors.TranslateAsync(tableName, () => dynamoDb.QueryAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (response.Items is not [var item, ..])
        {
            return null;
        }

        return new StoredSnapshot(aggregateId, item.GetN("Version"), (int)item.GetN("SchemaVersion"), item.GetOptionalS("State") ?? "");
    }

    /// <inheritdoc />
    public async Task WriteAsync(StoredSnapshot snapshot, CancellationToken cancellationToken)
    {
        var request = new PutItemRequest
        {
            TableName = tableName,
            Item = new()
            {
                ["AggregateId"] = Attributes.S(KeyPrefix + snapshot.AggregateId),
                ["Version"] = Attributes.N(snapshot.Version),
                ["SchemaVersion"] = Attributes.N(snapshot.SchemaVersion),
                ["State"] = Attributes.S(snapshot.State),
            },
        };
        await StoreErrors.TranslateAsync(tableName, () => dynamoDb.PutItemAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task KeepClosedAsync(string aggregateId, IReadOnlyList<Booking> closed, CancellationToken cancellationToken)
    {
        foreach (var chunk in closed.Chunk(BatchSize))
        {
            var pending = chunk.Select(b => new WriteRequest(new PutRequest(ClosedItem(aggregateId, b)))).ToList();
            try
            {
                await UnprocessedRetry.ExecuteAsync(async token =>
                {
                    var request = new BatchWriteItemRequest { RequestItems = new() { [tableName] = pending } };
                    var response = await StoreErrors.TranslateAsync(tableName, () => dynamoDb.BatchWriteItemAsync(request, token), token).ConfigureAwait(false);
                    if (response.UnprocessedItems is { } left && left.TryGetValue(tableName, out var unprocessed) && unprocessed.Count > 0)
                    {
                        pending = unprocessed;
                        throw new UnprocessedWrites();
                    }
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (UnprocessedWrites)
            {
                throw new TransientStoreError($"Table {tableName} left {pending.Count} closed bookings of {aggregateId} unwritten after every retry.");
            }
        }
    }

    /// <inheritdoc />
    public async Task<Booking?> FindClosedAsync(string aggregateId, string bookingId, CancellationToken cancellationToken)
    {
        var request = new GetItemRequest
        {
            TableName = tableName,
            Key = new() { ["AggregateId"] = Attributes.S(ClosedKey(aggregateId, bookingId)), ["Version"] = Attributes.N(0) },
            ConsistentRead = true,
        };
        var response = await StoreErrors.TranslateAsync(tableName, () => dynamoDb.GetItemAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (response.Item is not { Count: > 0 } item)
        {
            return null;
        }

        try
        {
            var status = Enum.Parse<BookingStatus>(item.GetS("Status"));
            var stay = new Stay(item.GetDate("CheckIn"), item.GetDate("CheckOut"));
            return Enum.IsDefined(status) && stay.NightCount > 0
                ? new Booking(bookingId, item.GetS("GuestId"), stay, status, item.GetBool("FromWaitlist"))
                : throw new InvalidDataException($"The closed booking {bookingId} of {aggregateId} has status {status} and {stay.NightCount} nights.");
        }
        catch (Exception e) when (e is not InvalidDataException)
        {
            throw new InvalidDataException($"The closed booking {bookingId} of {aggregateId} cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Whether a commit-log table item belongs to the snapshots (a snapshot or a closed booking) rather than being a commit.</summary>
    public static bool IsSnapshotItem(Dictionary<string, AttributeValue> item) =>
        item.GetOptionalS("AggregateId") is { } id && (id.StartsWith(KeyPrefix, StringComparison.Ordinal) || id.StartsWith(ClosedKeyPrefix, StringComparison.Ordinal));

    // Ids never hold '#', so the key names one booking of one aggregate.
    private static string ClosedKey(string aggregateId, string bookingId) => $"{ClosedKeyPrefix}{aggregateId}#{bookingId}";

    private static Dictionary<string, AttributeValue> ClosedItem(string aggregateId, Booking booking) => new()
    {
        ["AggregateId"] = Attributes.S(ClosedKey(aggregateId, booking.BookingId)),
        ["Version"] = Attributes.N(0),
        ["GuestId"] = Attributes.S(booking.GuestId),
        ["CheckIn"] = Attributes.Date(booking.Stay.CheckIn),
        ["CheckOut"] = Attributes.Date(booking.Stay.CheckOut),
        ["Status"] = Attributes.S(booking.Status.ToString()),
        ["FromWaitlist"] = Attributes.Bool(booking.FromWaitlist),
    };

    private sealed class UnprocessedWrites : Exception;
}
