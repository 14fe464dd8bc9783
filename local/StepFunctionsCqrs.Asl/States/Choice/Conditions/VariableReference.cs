using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Execution;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.States.Choice.Conditions;

/// <summary>The Variable of a comparison, or the operand of a *Path comparison: a path that must resolve.</summary>
internal sealed class VariableReference(JsonPath path)
{
    private readonly bool _needsContext = path.Text.StartsWith("$$", StringComparison.Ordinal);

    public string Text => path.Text;

    public bool TryResolve(JsonNode? input, BranchScope scope, out JsonNode? value) =>
        path.TrySelect(scope.Scope(input, _needsContext), out value);

    public JsonNode? Resolve(JsonNode? input, BranchScope scope)
    {
        if (TryResolve(input, scope, out var value)) return value;
        throw new StatesException(ErrorNames.Runtime,
            $"Invalid path '{path.Text}': The choice state's condition path references an invalid value.");
    }
}
