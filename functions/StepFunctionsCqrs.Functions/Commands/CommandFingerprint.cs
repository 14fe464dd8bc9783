using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace StepFunctionsCqrs.Functions.Commands;

/// <summary>
/// A digest of a command's body that two deliveries of the same command share and two different commands do not, so a
/// command id reused for another body can be told from a retry. Objects are compared by their members, not the order
/// or spacing a client wrote them in.
/// </summary>
public static class CommandFingerprint
{
    /// <summary>The lowercase hex SHA-256 of the body's canonical form: members sorted by name, no whitespace.</summary>
    public static string Of(JsonElement command)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteCanonical(writer, command);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            default:
                // Numbers keep their written form: 1 and 1.0 are different bodies, as a client would see them.
                writer.WriteRawValue(Encoding.UTF8.GetBytes(element.GetRawText()), skipInputValidation: true);
                break;
        }
    }
}
