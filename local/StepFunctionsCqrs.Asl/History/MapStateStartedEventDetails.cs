using System.Text.Json;

namespace StepFunctionsCqrs.Asl.History;

/// <summary>mapStateStartedEventDetails: how many iterations the Map runs.</summary>
public sealed class MapStateStartedEventDetails(int length) : HistoryEventDetails
{
    /// <summary>The number of items.</summary>
    public int Length { get; } = length;

    /// <inheritdoc />
    public override void WriteMembers(Utf8JsonWriter writer) => writer.WriteNumber("length", Length);
}
