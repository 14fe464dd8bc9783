using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Stores.DynamoDb.Internal;

namespace StepFunctionsCqrs.Functions.Stores.DynamoDb;

/// <summary>Availability view on DynamoDB: pk "hotelId#roomTypeId", sk the night, plus one capacity row standing for unbooked nights.</summary>
public sealed class DynamoDbAvailabilityView(IAmazonDynamoDB dynamoDb, string tableName) : IAvailabilityView
{
    // '#' sorts before digits, so the capacity row never falls inside a date range query.
    private const string CapacityKey = "#capacity";

    /// <inheritdoc />
    public async Task<int> ApplyAsync(IReadOnlyList<AvailabilityRow> rows, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var row in rows)
        {
            var item = new Dictionary<string, AttributeValue>
            {
                ["HotelRoomType"] = Attributes.S(Key(row.HotelId, row.RoomTypeId)),
                ["Date"] = row.Date is { } date ? Attributes.Date(date) : Attributes.S(CapacityKey),
                ["HotelId"] = Attributes.S(row.HotelId),
                ["RoomTypeId"] = Attributes.S(row.RoomTypeId),
                ["Capacity"] = Attributes.N(row.Capacity),
                ["RoomsLeft"] = Attributes.N(row.RoomsLeft),
            };
            if (await VersionGuardedPut.PutIfNewerAsync(dynamoDb, tableName, "HotelRoomType", item, row.Version, cancellationToken).ConfigureAwait(false))
            {
                written++;
            }
        }

        return written;
    }

    /// <inheritdoc />
    public async Task<AvailabilityCalendar?> ReadAsync(string hotelId, string roomTypeId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var key = Key(hotelId, roomTypeId);
        var capacityRow = await StoreErrors.TranslateAsync(tableName, () => dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = new() { ["HotelRoomType"] = Attributes.S(key), ["Date"] = Attributes.S(CapacityKey) },
        }, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (capacityRow.Item is not { Count: > 0 } capacityItem)
        {
            return null;
        }

        var capacity = (int)capacityItem.GetN("Capacity");
        var booked = new Dictionary<DateOnly, int>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var request = new QueryRequest
            {
                TableName = tableName,
                KeyConditionExpression = "HotelRoomType = :key AND #date BETWEEN :from AND :last",
                ExpressionAttributeNames = new() { ["#date"] = "Date" },
                ExpressionAttributeValues = new()
                {
                    [":key"] = Attributes.S(key),
                    [":from"] = Attributes.Date(from),
                    [":last"] = Attributes.Date(to.AddDays(-1)),
                },
                ExclusiveStartKey = startKey,
            };
            var page = await StoreErrors.TranslateAsync(tableName, () => dynamoDb.QueryAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items ?? [])
            {
                booked[item.GetDate("Date")] = (int)item.GetN("RoomsLeft");
            }

            startKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (startKey is not null);

        var nights = new List<NightAvailability>();
        for (var night = from; night < to; night = night.AddDays(1))
        {
            nights.Add(new NightAvailability(night, booked.TryGetValue(night, out var left) ? left : capacity));
        }

        return new AvailabilityCalendar(hotelId, roomTypeId, capacity, nights);
    }

    private static string Key(string hotelId, string roomTypeId) => $"{hotelId}#{roomTypeId}";
}
