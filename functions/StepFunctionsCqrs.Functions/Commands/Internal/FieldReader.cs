using System.Globalization;
using System.Text.Json;
using StepFunctionsCqrs.Domain.Outcomes;

namespace StepFunctionsCqrs.Functions.Commands.Internal;

/// <summary>Reads typed fields out of JSON objects, collecting a reason (with the field's path) for every problem instead of stopping at the first.</summary>
internal sealed class FieldReader
{
    private readonly List<Reason> reasons = [];

    public IReadOnlyList<Reason> Reasons => reasons;

    public void Add(Reason reason) => reasons.Add(reason);

    public void AddRange(IEnumerable<Reason> more) => reasons.AddRange(more);

    public JsonElement? Property(JsonElement obj, string name, string path, JsonValueKind kind, bool required = true)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                reasons.Add(new Reason(ReasonCodes.MissingField, $"Field '{path}' is required.", path));
            }

            return null;
        }

        if (value.ValueKind != kind && !(kind == JsonValueKind.True && value.ValueKind == JsonValueKind.False))
        {
            reasons.Add(new Reason(ReasonCodes.WrongFieldType, $"Field '{path}' must be {Describe(kind)} but is {Describe(value.ValueKind)}.", path));
            return null;
        }

        return value;
    }

    public string? String(JsonElement obj, string name, string path, int maxLength, bool required = true)
    {
        var value = Property(obj, name, path, JsonValueKind.String, required)?.GetString();
        if (value is not null && TooLong(value, path, maxLength))
        {
            return null;
        }

        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            reasons.Add(new Reason(ReasonCodes.InvalidValue, $"Field '{path}' must not be blank.", path));
            return null;
        }

        return value;
    }

    /// <summary>Adds a <see cref="ReasonCodes.FieldTooLong"/> reason when the text is longer than the limit, without quoting it.</summary>
    public bool TooLong(string value, string path, int maxLength)
    {
        if (value.Length <= maxLength)
        {
            return false;
        }

        reasons.Add(new Reason(ReasonCodes.FieldTooLong, $"Field '{path}' is {value.Length} characters long; at most {maxLength} are allowed.", path));
        return true;
    }

    public JsonElement? Array(JsonElement obj, string name, string path, int maxItems, bool required = true)
    {
        if (Property(obj, name, path, JsonValueKind.Array, required) is not { } array)
        {
            return null;
        }

        var count = array.GetArrayLength();
        if (count > maxItems)
        {
            reasons.Add(new Reason(ReasonCodes.FieldTooLong, $"Field '{path}' has {count} items; at most {maxItems} are allowed.", path));
            return null;
        }

        return array;
    }

    public string? EntityId(JsonElement obj, string name, string path)
    {
        var value = String(obj, name, path, Identifiers.MaxIdLength);
        if (value is not null && !Identifiers.IsEntityId(value))
        {
            reasons.Add(new Reason(ReasonCodes.InvalidValue,
                $"Field '{path}' is {QuotedValue.Of(value)}; ids are 1 to {Identifiers.MaxIdLength} of {Identifiers.AllowedCharacters}.", path));
            return null;
        }

        return value;
    }

    public long? Integer(JsonElement obj, string name, string path, bool required = true)
    {
        var element = Property(obj, name, path, JsonValueKind.Number, required);
        if (element is not { } number)
        {
            return null;
        }

        if (!number.TryGetInt64(out var value))
        {
            reasons.Add(new Reason(ReasonCodes.WrongFieldType, $"Field '{path}' must be a whole number but is {QuotedValue.Of(number.GetRawText())}.", path));
            return null;
        }

        return value;
    }

    public DateOnly? Date(JsonElement obj, string name, string path)
    {
        var text = String(obj, name, path, FieldLimits.DateLength);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            reasons.Add(new Reason(ReasonCodes.InvalidDate, $"Field '{path}' is {QuotedValue.Of(text)}, which is not a calendar date in yyyy-MM-dd form.", path));
            return null;
        }

        return date;
    }

    public DateTimeOffset? Timestamp(JsonElement obj, string name, string path, int maxLength)
    {
        var text = String(obj, name, path, maxLength);
        if (text is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var timestamp) || !text.Contains('T', StringComparison.Ordinal))
        {
            reasons.Add(new Reason(ReasonCodes.InvalidValue, $"Field '{path}' is {QuotedValue.Of(text)}, which is not an ISO-8601 date and time such as 2027-03-01T09:30:00Z.", path));
            return null;
        }

        return timestamp;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "missing",
    };
}
