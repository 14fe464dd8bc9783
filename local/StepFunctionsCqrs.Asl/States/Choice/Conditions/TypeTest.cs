using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Execution;

namespace StepFunctionsCqrs.Asl.States.Choice.Conditions;

/// <summary>IsNull, IsPresent, IsNumeric, IsString, IsBoolean, IsTimestamp: a test of the Variable's type, or its negation when false.</summary>
internal sealed class TypeTest(string op, VariableReference variable, bool expected) : ChoiceCondition
{
    internal override bool Evaluate(JsonNode? input, BranchScope scope)
    {
        if (op == "IsPresent") return variable.TryResolve(input, scope, out _) == expected;
        var value = variable.Resolve(input, scope);
        var kind = value is null ? JsonValueKind.Null : value.GetValueKind();
        var actual = op switch
        {
            "IsNull" => kind == JsonValueKind.Null,
            "IsNumeric" => kind == JsonValueKind.Number,
            "IsString" => kind == JsonValueKind.String,
            "IsBoolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "IsTimestamp" => TimestampCondition.TryTimestamp(value, out _),
            _ => false,
        };
        return actual == expected;
    }
}
