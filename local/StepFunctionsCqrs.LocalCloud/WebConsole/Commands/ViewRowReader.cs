using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Json;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;

namespace StepFunctionsCqrs.LocalCloud.WebConsole.Commands;

/// <summary>
/// The rows each projection wrote for a commit: the domain's own projection of the commit the execution carried (the
/// function the projection ran, on the same input), beside what each view's store reads back for those rows now.
/// </summary>
public sealed class ViewRowReader(IAmazonDynamoDB dynamoDb, TableNames tables)
{
    /// <summary>One entry per view, in the order the pipeline fans out.</summary>
    public async Task<IReadOnlyList<ViewRows>> ReadAsync(Commit commit, CancellationToken cancellationToken) =>
    [
        await AvailabilityAsync(commit, cancellationToken).ConfigureAwait(false),
        await GuestBookingsAsync(commit, cancellationToken).ConfigureAwait(false),
        await ArrivalsAsync(commit, cancellationToken).ConfigureAwait(false),
    ];

    private async Task<ViewRows> AvailabilityAsync(Commit commit, CancellationToken cancellationToken)
    {
        var view = new DynamoDbAvailabilityView(dynamoDb, tables.Availability);
        var written = commit.Changes.SelectMany(AvailabilityProjection.Project).ToList();
        var rows = new List<ViewRow>();
        foreach (var group in written.GroupBy(r => (r.HotelId, r.RoomTypeId)))
        {
            var nights = group.Where(r => r.Date is not null).Select(r => r.Date!.Value).ToList();
            var from = nights.Count > 0 ? nights.Min() : DateOnly.MinValue;
            var to = nights.Count > 0 ? nights.Max().AddDays(1) : DateOnly.MinValue.AddDays(1);
            var calendar = await view.ReadAsync(group.Key.HotelId, group.Key.RoomTypeId, from, to, cancellationToken).ConfigureAwait(false);
            foreach (var row in group)
            {
                // The availability store reads back rooms left and capacity, not the version that wrote them.
                var roomsLeft = calendar is null ? (int?)null
                    : row.Date is { } date ? calendar.Nights.FirstOrDefault(n => n.Date == date)?.RoomsLeft ?? calendar.Capacity
                    : null;
                JsonNode? stored = calendar is null ? null
                    : roomsLeft is { } left ? new JsonObject { ["capacity"] = calendar.Capacity, ["roomsLeft"] = left }
                    : new JsonObject { ["capacity"] = calendar.Capacity };
                var key = $"{row.HotelId}#{row.RoomTypeId} {row.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "(capacity)"}";
                rows.Add(ViewRow.Compare(key, Json(row), row.Version, stored, null,
                    () => calendar!.Capacity == row.Capacity && (row.Date is null || roomsLeft == row.RoomsLeft)));
            }
        }

        return new ViewRows("Availability", tables.Availability, rows);
    }

    private async Task<ViewRows> GuestBookingsAsync(Commit commit, CancellationToken cancellationToken)
    {
        var view = new DynamoDbGuestBookingsView(dynamoDb, tables.GuestBookings);
        var rows = new List<ViewRow>();
        foreach (var group in commit.Changes.SelectMany(GuestBookingsProjection.Project).GroupBy(r => r.GuestId))
        {
            var held = await view.ReadAsync(group.Key, cancellationToken).ConfigureAwait(false);
            foreach (var row in group)
            {
                var stored = held.FirstOrDefault(h => h.HotelId == row.HotelId && h.RoomTypeId == row.RoomTypeId && h.BookingId == row.BookingId);
                rows.Add(ViewRow.Compare($"{row.GuestId} {row.HotelId}#{row.RoomTypeId}#{row.BookingId}", Json(row), row.Version,
                    stored is null ? null : Json(stored), stored?.Version, () => stored == row));
            }
        }

        return new ViewRows("GuestBookings", tables.GuestBookings, rows);
    }

    private async Task<ViewRows> ArrivalsAsync(Commit commit, CancellationToken cancellationToken)
    {
        var view = new DynamoDbArrivalsView(dynamoDb, tables.Arrivals);
        var rows = new List<ViewRow>();
        foreach (var group in commit.Changes.SelectMany(ArrivalsProjection.Project).GroupBy(r => (r.HotelId, r.Date)))
        {
            var held = await view.ReadAsync(group.Key.HotelId, group.Key.Date, cancellationToken).ConfigureAwait(false);
            foreach (var row in group)
            {
                var stored = held.FirstOrDefault(h => h.RoomTypeId == row.RoomTypeId && h.BookingId == row.BookingId);
                rows.Add(ViewRow.Compare($"{row.HotelId} {row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {row.RoomTypeId}#{row.BookingId}", Json(row), row.Version,
                    stored is null ? null : Json(stored), stored?.Version, () => stored == row));
            }
        }

        return new ViewRows("Arrivals", tables.Arrivals, rows);
    }

    private static JsonNode Json<T>(T row) => JsonSerializer.SerializeToNode(row, HandlerJson.Options)!;
}
