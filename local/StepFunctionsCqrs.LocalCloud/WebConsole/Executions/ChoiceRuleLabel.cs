using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>
/// A one-line reading of a Choice rule for its edge: "$.n NumericEquals 2", "$.a StringEqualsPath $.b", "And(…, …)",
/// "Not(…)", or a JSONata Condition as written.
/// </summary>
internal static class ChoiceRuleLabel
{
    // Members of a rule that are not its comparison.
    private static readonly HashSet<string> NotOperators = new(StringComparer.Ordinal) { "Variable", "Next", "Comment", "Assign", "Output" };

    // Labels are read by people: quotes and non-ASCII text stay as written (the JSON serializer escapes them for the wire).
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(JsonNode? rule)
    {
        if (rule is not JsonObject o)
        {
            return "?";
        }

        if (o["Condition"] is JsonValue condition)
        {
            return condition.TryGetValue<string>(out var text) ? text : condition.ToJsonString(Readable);
        }

        foreach (var combinator in (string[])["And", "Or"])
        {
            if (o[combinator] is JsonArray rules)
            {
                return $"{combinator}({string.Join(", ", rules.Select(Of))})";
            }
        }

        if (o.ContainsKey("Not"))
        {
            return $"Not({Of(o["Not"])})";
        }

        var variable = JsonText.Of(o["Variable"]);
        foreach (var (name, value) in o)
        {
            if (NotOperators.Contains(name))
            {
                continue;
            }

            var operand = name.EndsWith("Path", StringComparison.Ordinal) && JsonText.Of(value) is { } reference
                ? reference
                : value?.ToJsonString(Readable) ?? "null";
            return variable is null ? $"{name} {operand}" : $"{variable} {name} {operand}";
        }

        return variable ?? "?";
    }
}
