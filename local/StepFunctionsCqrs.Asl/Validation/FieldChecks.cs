using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StepFunctionsCqrs.Asl.Intrinsics;
using StepFunctionsCqrs.Asl.Paths;
using StepFunctionsCqrs.Asl.Internal;

namespace StepFunctionsCqrs.Asl.Validation;

/// <summary>Checks for the value types and languages (paths, intrinsics, templates) that fields use.</summary>
internal sealed partial class FieldChecks(DiagnosticBag bag)
{
    /// <summary>The largest value the service accepts for Seconds, TimeoutSeconds, HeartbeatSeconds, IntervalSeconds and MaxAttempts.</summary>
    public const long MaxSeconds = 99_999_999;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();

    public DiagnosticBag Bag => bag;

    public string? String(JsonObject owner, string field, string location, bool required = false)
    {
        if (!owner.TryGetPropertyValue(field, out var value))
        {
            if (required) bag.Schema(location, $"The field '{field}' is required.");
            return null;
        }
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String) return v.GetValue<string>();
        bag.Schema(DiagnosticBag.At(location, field), $"The field '{field}' must be a string, but was {Kind(value)}.");
        return null;
    }

    public bool Boolean(JsonObject owner, string field, string location)
    {
        if (!owner.TryGetPropertyValue(field, out var value)) return false;
        if (value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return v.GetValue<bool>();
        bag.Schema(DiagnosticBag.At(location, field), $"The field '{field}' must be a Boolean, but was {Kind(value)}.");
        return false;
    }

    /// <summary>Checks an integer field against a minimum; returns its value when valid.</summary>
    public long? Integer(JsonObject owner, string field, string location, long minimum, long maximum = int.MaxValue)
    {
        if (!owner.TryGetPropertyValue(field, out var value)) return null;
        if (JsonScalar.TryGetNumber(value, out var d) && d == Math.Floor(d) && d >= minimum && d <= maximum)
        {
            return (long)d;
        }
        var range = maximum == int.MaxValue ? $"of at least {minimum}" : $"from {minimum} to {maximum}";
        bag.Schema(DiagnosticBag.At(location, field), $"The field '{field}' must be an integer {range}, but was {Render(value)}.");
        return null;
    }

    public double? Number(JsonObject owner, string field, string location, double minimum, double maximum = double.MaxValue)
    {
        if (!owner.TryGetPropertyValue(field, out var value)) return null;
        if (JsonScalar.TryGetNumber(value, out var d) && d >= minimum && d <= maximum) return d;
        bag.Schema(DiagnosticBag.At(location, field), $"The field '{field}' must be a number between {minimum} and {(maximum == double.MaxValue ? "any" : maximum)}, but was {Render(value)}.");
        return null;
    }

    public void Exclusive(JsonObject owner, string location, params string[] fields)
    {
        var present = fields.Where(owner.ContainsKey).ToList();
        if (present.Count > 1) bag.Schema(location, $"The fields {string.Join(" and ", present.Select(p => $"'{p}'"))} cannot be used together.");
    }

    /// <summary>Checks a path field. Null is accepted when <paramref name="allowNull"/>; a reference path has no wildcards, filters or slices.</summary>
    public JsonPath? Path(JsonObject owner, string field, string location, bool allowNull, bool reference, bool inputOnly = false)
    {
        if (!owner.TryGetPropertyValue(field, out var value)) return null;
        var at = DiagnosticBag.At(location, field);
        if (value is null)
        {
            if (!allowNull) bag.Schema(at, $"The field '{field}' cannot be null.");
            return null;
        }
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            bag.Schema(at, $"The field '{field}' must be a path string, but was {Kind(value)}.");
            return null;
        }
        return PathText(v.GetValue<string>(), field, at, reference, inputOnly);
    }

    public JsonPath? PathText(string text, string field, string at, bool reference, bool inputOnly = false)
    {
        if (!JsonPath.TryParse(text, out var path, out var error))
        {
            bag.Add(DiagnosticCodes.InvalidPath, at, $"The value '{text}' of '{field}' is not a valid JSONPath: {error}");
            return null;
        }
        if (reference && !path!.IsDefinite)
        {
            bag.Add(DiagnosticCodes.InvalidPath, at, $"The value '{text}' of '{field}' must be a Reference Path (no wildcards, filters, slices or unions).");
        }
        if (inputOnly && !(text == "$" || text.StartsWith("$.", StringComparison.Ordinal) || text.StartsWith("$[", StringComparison.Ordinal)))
        {
            bag.Add(DiagnosticCodes.InvalidPath, at, $"The value '{text}' of '{field}' must be a path into the state input, starting with '$.' or '$['.");
        }
        return path;
    }

    /// <summary>Checks a "key.$" value: an intrinsic call or a path.</summary>
    public void Dynamic(JsonNode? value, string key, string at)
    {
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            bag.Schema(at, $"The value of '{key}' must be a string containing a path or an intrinsic function, but was {Kind(value)}.");
            return;
        }
        var text = v.GetValue<string>();
        if (IntrinsicExpression.LooksLikeIntrinsic(text))
        {
            if (!IntrinsicExpression.TryParse(text, out _, out var error))
            {
                bag.Add(DiagnosticCodes.InvalidIntrinsic, at, $"The value '{text}' of '{key}' is not a valid intrinsic function call: {error}");
            }
            return;
        }
        PathText(text, key, at, reference: false);
    }

    /// <summary>Checks every "key.$" member inside a payload template.</summary>
    public void Template(JsonNode? template, string at)
    {
        switch (template)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    var memberAt = DiagnosticBag.At(at, key);
                    if (key.EndsWith(".$", StringComparison.Ordinal)) Dynamic(value, key, memberAt);
                    else Template(value, memberAt);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) Template(a[i], DiagnosticBag.At(at, i));
                break;
        }
    }

    public void TemplateField(JsonObject owner, string field, string location, bool mustBeObject = false)
    {
        if (!owner.TryGetPropertyValue(field, out var value)) return;
        var at = DiagnosticBag.At(location, field);
        if (mustBeObject && value is not JsonObject)
        {
            bag.Schema(at, $"The field '{field}' must be an object, but was {Kind(value)}.");
            return;
        }
        Template(value, at);
    }

    public void Assign(JsonObject owner, string location)
    {
        if (!owner.TryGetPropertyValue("Assign", out var value)) return;
        var at = DiagnosticBag.At(location, "Assign");
        if (value is not JsonObject assign)
        {
            bag.Schema(at, $"The field 'Assign' must be an object of variable names to values, but was {Kind(value)}.");
            return;
        }
        foreach (var (key, member) in assign)
        {
            var memberAt = DiagnosticBag.At(at, key);
            var name = key.EndsWith(".$", StringComparison.Ordinal) ? key[..^2] : key;
            if (!VariableName().IsMatch(name) || name == "states")
            {
                bag.Schema(memberAt, $"'{name}' is not a valid variable name: use letters, digits and underscores, not starting with a digit, and not the reserved word 'states'.");
            }
            if (key.EndsWith(".$", StringComparison.Ordinal)) Dynamic(member, key, memberAt);
            else Template(member, memberAt);
        }
    }

    public static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a Boolean",
            _ => "a value",
        },
        _ => "a value",
    };

    public static string Render(JsonNode? node) => node?.ToJsonString() ?? "null";
}
