using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Stores.DynamoDb.Internal;

namespace StepFunctionsCqrs.Functions.Stores.DynamoDb;

/// <summary>Arrivals view on DynamoDB: pk "hotelId#date", sk the booking's full identity (<see cref="BookingKey"/>).</summary>
public sealed class DynamoDbArrivalsView(IAmazonDynamoDB dynamoDb, string tableName) : IArrivalsView
{
    /// <inheritdoc />
    public async Task<int> ApplyAsync(IReadOnlyList<ArrivalRow> rows, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var row in rows)
        {
            var item = new Dictionary<string, AttributeValue>
            {
                ["HotelDate"] = Attributes.S(Key(row.HotelId, row.Date)),
                [BookingKey.Attribute] = Attributes.S(BookingKey.Of(row.HotelId, row.RoomTypeId, row.BookingId)),
                ["BookingId"] = Attributes.S(row.BookingId),
                ["HotelId"] = Attributes.S(row.HotelId),
                ["Date"] = Attributes.Date(row.Date),
                ["GuestId"] = Attributes.S(row.GuestId),
                ["RoomTypeId"] = Attributes.S(row.RoomTypeId),
                ["CheckOut"] = Attributes.Date(row.CheckOut),
                ["Status"] = Attributes.S(row.Status.ToString()),
            };
            if (await VersionGuardedPut.PutIfNewerAsync(dynamoDb, tableName, "HotelDate", item, row.Version, cancellationToken).ConfigureAwait(false))
            {
                written++;
            }
        }

        return written;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ArrivalRow>> ReadAsync(string hotelId, DateOnly date, CancellationToken cancellationToken)
    {
        var rows = new List<ArrivalRow>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var request = new QueryRequest
            {
                TableName = tableName,
                KeyConditionExpression = "HotelDate = :key",
                ExpressionAttributeValues = new() { [":key"] = Attributes.S(Key(hotelId, date)) },
                ExclusiveStartKey = startKey,
            };
            var page = await StoreErrors.TranslateAsync(tableName, () => dynamoDb.QueryAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
            rows.AddRange((page.Items ?? []).Select(item => new ArrivalRow(
                item.GetS("HotelId"), item.GetDate("Date"), item.GetS("BookingId"), item.GetS("GuestId"), item.GetS("RoomTypeId"),
                item.GetDate("CheckOut"), Enum.Parse<ArrivalStatus>(item.GetS("Status")), item.GetN("Version"))));
            startKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (startKey is not null);

        return rows;
    }

    private static string Key(string hotelId, DateOnly date) => $"{hotelId}#{date:yyyy-MM-dd}";
}
