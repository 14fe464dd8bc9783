using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Stores.DynamoDb.Internal;

namespace StepFunctionsCqrs.Functions.Stores.DynamoDb;

/// <summary>Guest bookings view on DynamoDB: pk guest id, sk the booking's full identity (<see cref="BookingKey"/>).</summary>
public sealed class DynamoDbGuestBookingsView(IAmazonDynamoDB dynamoDb, string tableName) : IGuestBookingsView
{
    /// <inheritdoc />
    public async Task<int> ApplyAsync(IReadOnlyList<GuestBookingRow> rows, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var row in rows)
        {
            var item = new Dictionary<string, AttributeValue>
            {
                ["GuestId"] = Attributes.S(row.GuestId),
                [BookingKey.Attribute] = Attributes.S(BookingKey.Of(row.HotelId, row.RoomTypeId, row.BookingId)),
                ["BookingId"] = Attributes.S(row.BookingId),
                ["HotelId"] = Attributes.S(row.HotelId),
                ["RoomTypeId"] = Attributes.S(row.RoomTypeId),
                ["CheckIn"] = Attributes.Date(row.CheckIn),
                ["CheckOut"] = Attributes.Date(row.CheckOut),
                ["Status"] = Attributes.S(row.Status.ToString()),
                ["FromWaitlist"] = Attributes.Bool(row.FromWaitlist),
            };
            if (await VersionGuardedPut.PutIfNewerAsync(dynamoDb, tableName, "GuestId", item, row.Version, cancellationToken).ConfigureAwait(false))
            {
                written++;
            }
        }

        return written;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<GuestBookingRow>> ReadAsync(string guestId, CancellationToken cancellationToken)
    {
        var rows = new List<GuestBookingRow>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var request = new QueryRequest
            {
                TableName = tableName,
                KeyConditionExpression = "GuestId = :guest",
                ExpressionAttributeValues = new() { [":guest"] = Attributes.S(guestId) },
                ExclusiveStartKey = startKey,
            };
            var page = await StoreErrors.TranslateAsync(tableName, () => dynamoDb.QueryAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
            rows.AddRange((page.Items ?? []).Select(item => new GuestBookingRow(
                item.GetS("GuestId"), item.GetS("BookingId"), item.GetS("HotelId"), item.GetS("RoomTypeId"),
                item.GetDate("CheckIn"), item.GetDate("CheckOut"), Enum.Parse<BookingStatus>(item.GetS("Status")),
                item.GetBool("FromWaitlist"), item.GetN("Version"))));
            startKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (startKey is not null);

        return rows;
    }
}
