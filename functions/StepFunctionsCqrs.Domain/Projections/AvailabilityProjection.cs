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

        // Every change restates the capacity row, so the view knows the room type even if the opening commit's
        // projection never ran (a registration finished by a later command's Persist).
        var rows = new List<AvailabilityRow>
        {
            new(touched.HotelId, touched.RoomTypeId, null, touched.Capacity, touched.Capacity, change.Version),
        };

        rows.AddRange(touched.Nights.Select(n =>
            new AvailabilityRow(touched.HotelId, touched.RoomTypeId, n.Date, touched.Capacity, n.RoomsLeft, change.Version)));
        return rows;
    }
}
