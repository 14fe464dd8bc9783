using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using StepFunctionsCqrs.Domain.Inventory;
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

    // Closed bookings are written by PutItem, a few at a time: BatchWriteItem would need a grant that also deletes.
    private const int ParallelPuts = 8;

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
    public Task KeepClosedAsync(string aggregateId, IReadOnlyList<Booking> closed, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(closed, new ParallelOptions { MaxDegreeOfParallelism = ParallelPuts, CancellationToken = cancellationToken }, async (booking, token) =>
        {
            var request = new PutItemRequest { TableName = tableName, Item = ClosedItem(aggregateId, booking) };
            await StoreErrors.TranslateAsync(tableName, () => dynamoDb.PutItemAsync(request, token), token).ConfigureAwait(false);
        });

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
}
