using System.Text.Json;

namespace StepFunctionsCqrs.Asl.History;

/// <summary>The {"truncated": false} companion the service writes beside every payload.</summary>
internal static class PayloadDetails
{
    public static void Write(Utf8JsonWriter writer, string name)
    {
        writer.WriteStartObject(name);
        writer.WriteBoolean("truncated", false);
        writer.WriteEndObject();
    }
}
