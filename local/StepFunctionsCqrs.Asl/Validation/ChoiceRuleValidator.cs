using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.States.Choice;

namespace StepFunctionsCqrs.Asl.Validation;

/// <summary>Checks Choice rules: one operator each, the operand of the right type, Next only at the top level.</summary>
internal sealed class ChoiceRuleValidator(FieldChecks checks)
{
    private DiagnosticBag Bag => checks.Bag;

    /// <summary>Checks the Choices array and returns the Next targets it names.</summary>
    public IEnumerable<(string Next, string Location)> Choices(JsonObject state, string location)
    {
        var at = DiagnosticBag.At(location, "Choices");
        if (!state.TryGetPropertyValue("Choices", out var value))
        {
            Bag.Schema(location, "A Choice state needs 'Choices'.");
            yield break;
        }
        if (value is not JsonArray rules || rules.Count == 0)
        {
            Bag.Schema(at, "'Choices' must be a non-empty array of rules.");
            yield break;
        }
        for (var i = 0; i < rules.Count; i++)
        {
            var ruleAt = DiagnosticBag.At(at, i);
            if (rules[i] is not JsonObject rule)
            {
                Bag.Schema(ruleAt, $"A Choice rule must be an object, but was {FieldChecks.Kind(rules[i])}.");
                continue;
            }
            Rule(rule, ruleAt, topLevel: true);
            var next = checks.String(rule, "Next", ruleAt, required: true);
            if (next is not null) yield return (next, DiagnosticBag.At(ruleAt, "Next"));
        }
    }

    private void Rule(JsonObject rule, string at, bool topLevel)
    {
        var operators = rule.Where(m => m.Key is "And" or "Or" or "Not" || ChoiceOperators.All.ContainsKey(m.Key)).ToList();
        foreach (var (key, _) in rule)
        {
            var known = key is "And" or "Or" or "Not" or "Variable" or "Comment" || ChoiceOperators.All.ContainsKey(key)
                || (topLevel && key is "Next" or "Assign");
            if (key == "Condition")
            {
                Bag.Add(DiagnosticCodes.UnsupportedQueryLanguage, DiagnosticBag.At(at, key), "'Condition' is a JSONata field; this engine runs JSONPath definitions only.");
            }
            else if (!known)
            {
                Bag.Schema(DiagnosticBag.At(at, key), topLevel || key is not ("Next" or "Assign")
                    ? $"'{key}' is not a comparison operator or field of a Choice rule."
                    : $"'{key}' is only allowed in a top-level Choice rule, not inside And, Or or Not.");
            }
        }
        if (topLevel) checks.Assign(rule, at);
        if (operators.Count != 1)
        {
            Bag.Schema(at, operators.Count == 0
                ? "A Choice rule needs exactly one comparison operator, or And, Or or Not."
                : $"A Choice rule must have exactly one operator, but has {string.Join(", ", operators.Select(o => o.Key))}.");
            return;
        }
        var (name, operand) = operators[0];
        var operandAt = DiagnosticBag.At(at, name);
        switch (name)
        {
            case "And" or "Or":
                if (operand is not JsonArray nested || nested.Count == 0)
                {
                    Bag.Schema(operandAt, $"'{name}' must be a non-empty array of rules.");
                    return;
                }
                for (var i = 0; i < nested.Count; i++)
                {
                    if (nested[i] is JsonObject n) Rule(n, DiagnosticBag.At(operandAt, i), topLevel: false);
                    else Bag.Schema(DiagnosticBag.At(operandAt, i), $"A rule must be an object, but was {FieldChecks.Kind(nested[i])}.");
                }
                if (rule.ContainsKey("Variable")) Bag.Schema(DiagnosticBag.At(at, "Variable"), $"'Variable' cannot be used with '{name}'.");
                return;
            case "Not":
                if (operand is JsonObject inner) Rule(inner, operandAt, topLevel: false);
                else Bag.Schema(operandAt, $"'Not' must be a single rule object, but was {FieldChecks.Kind(operand)}.");
                if (rule.ContainsKey("Variable")) Bag.Schema(DiagnosticBag.At(at, "Variable"), "'Variable' cannot be used with 'Not'.");
                return;
        }
        var variable = checks.String(rule, "Variable", at, required: true);
        if (variable is not null) checks.PathText(variable, "Variable", DiagnosticBag.At(at, "Variable"), reference: false);
        Operand(name, ChoiceOperators.All[name], operand, operandAt);
    }

    private void Operand(string name, ChoiceOperators.OperandKind kind, JsonNode? operand, string at)
    {
        var valueKind = operand is JsonValue v ? v.GetValueKind() : operand is null ? JsonValueKind.Null : JsonValueKind.Object;
        switch (kind)
        {
            case ChoiceOperators.OperandKind.String when valueKind != JsonValueKind.String:
                Bag.Schema(at, $"'{name}' needs a string operand, but was {FieldChecks.Kind(operand)}.");
                break;
            case ChoiceOperators.OperandKind.Number when valueKind != JsonValueKind.Number:
                Bag.Schema(at, $"'{name}' needs a numeric operand, but was {FieldChecks.Kind(operand)}.");
                break;
            case ChoiceOperators.OperandKind.Boolean when valueKind is not (JsonValueKind.True or JsonValueKind.False):
                Bag.Schema(at, $"'{name}' needs a Boolean operand, but was {FieldChecks.Kind(operand)}.");
                break;
            case ChoiceOperators.OperandKind.Timestamp:
                if (valueKind != JsonValueKind.String || !TimestampText.TryParse(operand!.GetValue<string>(), out _))
                {
                    Bag.Schema(at, $"'{name}' needs an RFC3339 timestamp such as \"2016-03-14T01:59:00Z\", but was {FieldChecks.Render(operand)}.");
                }
                break;
            case ChoiceOperators.OperandKind.Path:
                if (valueKind != JsonValueKind.String) Bag.Schema(at, $"'{name}' needs a path string, but was {FieldChecks.Kind(operand)}.");
                else checks.PathText(operand!.GetValue<string>(), name, at, reference: false);
                break;
        }
    }
}
