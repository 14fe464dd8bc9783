using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace StepFunctionsCqrs.LocalCloud.Sqs;

/// <summary>
/// The MD5 digests SQS returns and the SDKs verify: of the body's UTF-8 bytes, and of the attributes in
/// SQS's length-prefixed encoding (names sorted ordinally; name, data type, a transport byte 1 for
/// String/Number or 2 for Binary, then the value; every field prefixed with its length as a big-endian int32).
/// </summary>
public static class SqsMessageMd5
{
    /// <summary>Hex MD5 of the message body.</summary>
    public static string OfBody(string body) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body)));

    /// <summary>Hex MD5 of the attributes, or null when there are none (SQS then omits the field).</summary>
    public static string? OfAttributes(IReadOnlyDictionary<string, MessageAttributeValue>? attributes)
    {
        if (attributes is null || attributes.Count == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        foreach (var name in attributes.Keys.Order(StringComparer.Ordinal))
        {
            var value = attributes[name];
            var dataType = value.DataType ?? string.Empty;
            WriteField(buffer, Encoding.UTF8.GetBytes(name));
            WriteField(buffer, Encoding.UTF8.GetBytes(dataType));
            if (dataType.StartsWith("Binary", StringComparison.Ordinal))
            {
                buffer.WriteByte(2);
                WriteField(buffer, value.BinaryValue ?? []);
            }
            else
            {
                buffer.WriteByte(1);
                WriteField(buffer, Encoding.UTF8.GetBytes(value.StringValue ?? string.Empty));
            }
        }

        return Convert.ToHexStringLower(MD5.HashData(buffer.ToArray()));
    }

    private static void WriteField(Stream stream, byte[] bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        stream.Write(length);
        stream.Write(bytes);
    }
}
