using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Execution;
using StepFunctionsCqrs.Asl.Internal.Templates;

namespace StepFunctionsCqrs.Asl.Common;

/// <summary>Assign: workflow variables set when the state completes, all evaluated against the values before the state ran.</summary>
public sealed class AssignField
{
    private readonly IReadOnlyList<KeyValuePair<string, TemplateNode>> _members;
    private readonly bool _needsContext;

    private AssignField(IReadOnlyList<KeyValuePair<string, TemplateNode>> members)
    {
        _members = members;
        _needsContext = members.Any(m => m.Value.NeedsContext);
    }

    /// <summary>The names this field assigns.</summary>
    public IEnumerable<string> Names => _members.Select(m => m.Key);

    /// <summary>Builds the field when present, otherwise returns null.</summary>
    public static AssignField? CompileIfPresent(JsonObject owner)
    {
        if (!owner.TryGetPropertyValue("Assign", out var value) || value is not JsonObject assign) return null;
        var members = new List<KeyValuePair<string, TemplateNode>>(assign.Count);
        foreach (var (key, member) in assign)
        {
            members.Add(key.EndsWith(TemplateCompiler.DynamicSuffix, StringComparison.Ordinal)
                ? new(key[..^TemplateCompiler.DynamicSuffix.Length], TemplateCompiler.CompileDynamic(key[..^TemplateCompiler.DynamicSuffix.Length], member!.GetValue<string>()))
                : new(key, TemplateCompiler.Compile(member)));
        }
        return new AssignField(members);
    }

    /// <summary>Evaluates every value first, then stores them, so one assignment never sees another's new value.</summary>
    internal void Apply(JsonNode? stateResult, BranchScope scope)
    {
        var pathScope = scope.Scope(stateResult, _needsContext);
        if (_members.Count == 1)
        {
            var (name, template) = _members[0];
            scope.Variables.Set(name, template.Evaluate(pathScope, "Assign"));
            return;
        }
        var values = new JsonNode?[_members.Count];
        for (var i = 0; i < values.Length; i++) values[i] = _members[i].Value.Evaluate(pathScope, "Assign");
        for (var i = 0; i < values.Length; i++) scope.Variables.Set(_members[i].Key, values[i]);
    }
}
