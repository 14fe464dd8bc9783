using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace StepFunctionsCqrs.LocalCloud.Sqs;

/// <summary>SQS's rules for message bodies, message attributes and batch entry ids, each failure naming what broke which rule.</summary>
internal static partial class MessageValidation
{
    public const int MaxAttributes = 10;

    /// <summary>Checks the body's characters and the message size; returns the size in bytes (body plus attributes).</summary>
    public static int Check(string? body, IReadOnlyDictionary<string, MessageAttributeValue>? attributes, int maximumSize)
    {
        if (string.IsNullOrEmpty(body))
        {
            throw SqsError.Missing("MessageBody");
        }

        foreach (var rune in body.EnumerateRunes())
        {
            var v = rune.Value;
            var allowed = v is 0x9 or 0xA or 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000;
            if (!allowed)
            {
                throw new SqsError(SqsErrorCodes.InvalidMessageContents,
                    $"Invalid characters found. Character U+{v:X4} is not allowed in a message body; see the SQS allowed character list.");
            }
        }

        var size = Encoding.UTF8.GetByteCount(body) + CheckAttributes(attributes, "Message (user)");
        if (size > maximumSize)
        {
            throw SqsError.InvalidParameter("MessageBody", $"of {size} bytes", $"Message must be shorter than {maximumSize} bytes.");
        }

        return size;
    }

    /// <summary>Only AWSTraceHeader may be set as a message system attribute.</summary>
    public static void CheckSystemAttributes(IReadOnlyDictionary<string, MessageAttributeValue>? attributes)
    {
        foreach (var (name, value) in attributes ?? new Dictionary<string, MessageAttributeValue>())
        {
            if (name != "AWSTraceHeader")
            {
                throw SqsError.InvalidParameter("MessageSystemAttributes", name, "Only AWSTraceHeader can be set as a message system attribute.");
            }

            if (value.DataType != "String" || string.IsNullOrEmpty(value.StringValue))
            {
                throw SqsError.InvalidParameter("MessageSystemAttributes", name, "AWSTraceHeader must be a non-empty String.");
            }
        }
    }

    /// <summary>Checks a batch entry id: 1 to 80 of letters, digits, hyphens and underscores.</summary>
    public static void CheckBatchIds(IEnumerable<string?> ids)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (id is null || !BatchIdPattern().IsMatch(id))
            {
                throw new SqsError(SqsErrorCodes.InvalidBatchEntryId,
                    $"A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long; '{id}' is not.");
            }

            if (!seen.Add(id))
            {
                throw new SqsError(SqsErrorCodes.BatchEntryIdsNotDistinct, $"Id {id} repeated.");
            }
        }
    }

    /// <summary>Checks that a batch has 1 to 10 entries.</summary>
    public static void CheckBatchSize<T>(IReadOnlyCollection<T>? entries, string entryType)
    {
        if (entries is null || entries.Count == 0)
        {
            throw new SqsError(SqsErrorCodes.EmptyBatchRequest, $"There should be at least one {entryType} in the request.");
        }

        if (entries.Count > 10)
        {
            throw new SqsError(SqsErrorCodes.TooManyEntriesInBatchRequest, $"Maximum number of entries per request are 10. You have sent {entries.Count}.");
        }
    }

    private static int CheckAttributes(IReadOnlyDictionary<string, MessageAttributeValue>? attributes, string kind)
    {
        if (attributes is null)
        {
            return 0;
        }

        if (attributes.Count > MaxAttributes)
        {
            throw SqsError.InvalidParameter("MessageAttributes", attributes.Count,
                $"Number of message attributes [{attributes.Count}] exceeds the allowed maximum [{MaxAttributes}].");
        }

        var size = 0;
        foreach (var (name, value) in attributes)
        {
            if (!AttributeNamePattern().IsMatch(name) || name.Contains("..", StringComparison.Ordinal) || name.EndsWith('.')
                || name.StartsWith("AWS.", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Amazon.", StringComparison.OrdinalIgnoreCase))
            {
                throw SqsError.InvalidParameter("MessageAttributes", name,
                    $"{kind} attribute name '{name}' must be 1-256 letters, digits, '-', '_' or '.', not start or end with '.', have no '..', and not start with 'AWS.' or 'Amazon.'.");
            }

            var dataType = value.DataType;
            if (string.IsNullOrEmpty(dataType))
            {
                throw SqsError.InvalidParameter("MessageAttributes", name, $"{kind} attribute '{name}' must contain a non-empty attribute type.");
            }

            var baseType = dataType.Split('.', 2)[0];
            switch (baseType)
            {
                case "String" or "Number" when string.IsNullOrEmpty(value.StringValue):
                    throw SqsError.InvalidParameter("MessageAttributes", name, $"{kind} attribute '{name}' must contain a non-empty value of type '{baseType}'.");
                case "Number" when !decimal.TryParse(value.StringValue, NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                    throw SqsError.InvalidParameter("MessageAttributes", name, $"{kind} attribute '{name}' has the Number value '{value.StringValue}', which is not a number.");
                case "Binary" when value.BinaryValue is null || value.BinaryValue.Length == 0:
                    throw SqsError.InvalidParameter("MessageAttributes", name, $"{kind} attribute '{name}' must contain a non-empty value of type 'Binary'.");
                case "String" or "Number" or "Binary":
                    break;
                default:
                    throw SqsError.InvalidParameter("MessageAttributes", name,
                        $"{kind} attribute '{name}' has the type '{dataType}'; the type must be String, Number or Binary, optionally with a '.suffix'.");
            }

            size += Encoding.UTF8.GetByteCount(name) + Encoding.UTF8.GetByteCount(dataType)
                + (baseType == "Binary" ? value.BinaryValue!.Length : Encoding.UTF8.GetByteCount(value.StringValue!));
        }

        return size;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}$")]
    private static partial Regex BatchIdPattern();

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,256}$")]
    private static partial Regex AttributeNamePattern();
}
