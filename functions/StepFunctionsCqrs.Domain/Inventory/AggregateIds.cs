namespace StepFunctionsCqrs.Domain.Inventory;

/// <summary>The commit-log keys of the aggregates; stored data depends on them, so never change the format.</summary>
public static class AggregateIds
{
    /// <summary>The hotel registry entry of one hotel.</summary>
    public static string Hotel(string hotelId) => $"hotel#{hotelId}";

    /// <summary>The inventory of one room type of one hotel.</summary>
    public static string Inventory(string hotelId, string roomTypeId) => $"inventory#{hotelId}#{roomTypeId}";
}
