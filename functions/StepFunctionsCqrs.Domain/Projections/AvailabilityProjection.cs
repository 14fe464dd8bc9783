using StepFunctionsCqrs.Domain.Inventory;

namespace StepFunctionsCqrs.Domain.Projections;

/// <summary>Commit → availability rows (hotel, room type, night → rooms left).</summary>
public static class AvailabilityProjection
{
    /// <summary>The rows to write for one change; empty when the change touches no availability.</summary>
    public static IReadOnlyList<AvailabilityRow> Project(AggregateChange change)
    {
        if (change.Inventory is not { } touched)
        {
            return [];
        }

        var rows = new List<AvailabilityRow>();
        if (change.Events.OfType<InventoryOpened>().Any())
        {
            rows.Add(new AvailabilityRow(touched.HotelId, touched.RoomTypeId, null, touched.Capacity, touched.Capacity, change.Version));
        }

        rows.AddRange(touched.Nights.Select(n =>
            new AvailabilityRow(touched.HotelId, touched.RoomTypeId, n.Date, touched.Capacity, n.RoomsLeft, change.Version)));
        return rows;
    }
}
