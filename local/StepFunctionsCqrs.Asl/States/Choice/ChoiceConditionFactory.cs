using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;
using StepFunctionsCqrs.Asl.States.Choice.Conditions;

namespace StepFunctionsCqrs.Asl.States.Choice;

/// <summary>Builds the condition tree of a (validated) Choice rule.</summary>
internal static class ChoiceConditionFactory
{
    public static ChoiceCondition Create(JsonObject rule)
    {
        if (rule["And"] is JsonArray and) return new AndCondition(and.Select(r => Create((JsonObject)r!)).ToList());
        if (rule["Or"] is JsonArray or) return new OrCondition(or.Select(r => Create((JsonObject)r!)).ToList());
        if (rule["Not"] is JsonObject not) return new NotCondition(Create(not));

        var variable = new VariableReference(JsonPath.Parse(rule["Variable"]!.GetValue<string>()));
        var (name, operand) = rule.First(m => ChoiceOperators.All.ContainsKey(m.Key));
        if (ChoiceOperators.TypeTests.Contains(name)) return new TypeTest(name, variable, operand!.GetValue<bool>());

        var isPath = name.EndsWith("Path", System.StringComparison.Ordinal);
        var core = isPath ? name[..^4] : name;
        var path = isPath ? new VariableReference(JsonPath.Parse(operand!.GetValue<string>())) : null;
        var literal = isPath ? null : operand?.DeepClone();
        if (core.StartsWith("Boolean", System.StringComparison.Ordinal)) return new BooleanCondition(variable, literal, path);

        var family = core.StartsWith("String", System.StringComparison.Ordinal) ? "String"
            : core.StartsWith("Numeric", System.StringComparison.Ordinal) ? "Numeric" : "Timestamp";
        var op = Enum.Parse<ComparisonOperator>(core[family.Length..]);
        return family switch
        {
            "String" => new StringCondition(op, variable, literal, path),
            "Numeric" => new NumericCondition(op, variable, literal, path),
            _ => new TimestampCondition(op, variable, literal, path),
        };
    }
}
