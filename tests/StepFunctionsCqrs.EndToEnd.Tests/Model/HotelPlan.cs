namespace StepFunctionsCqrs.EndToEnd.Tests.Model;

/// <summary>A hotel the workload registers first: its room types with capacities, and whether its name is 150 KiB.</summary>
public sealed record HotelPlan(string Id, IReadOnlyList<(string RoomType, int Capacity)> RoomTypes, bool HugeName)
{
    /// <summary>The name's size when <see cref="HugeName"/>: far over any sensible limit, under SQS's 256 KiB.</summary>
    public const int HugeNameBytes = 150 * 1024;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Id} [{string.Join(", ", RoomTypes.Select(r => $"{r.RoomType}:{r.Capacity}"))}]{(HugeName ? " named with 150 KiB" : "")}";
}
