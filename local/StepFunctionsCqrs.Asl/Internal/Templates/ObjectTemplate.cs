using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Internal.Templates;

/// <summary>An object whose members are templates; "key.$" members lose the suffix in the output.</summary>
internal sealed class ObjectTemplate(IReadOnlyList<KeyValuePair<string, TemplateNode>> members) : TemplateNode
{
    public override bool NeedsContext { get; } = members.Any(m => m.Value.NeedsContext);

    public IReadOnlyList<KeyValuePair<string, TemplateNode>> Members => members;

    public override JsonNode? Evaluate(PathScope scope, string field)
    {
        var result = new JsonObject();
        foreach (var (key, value) in members)
        {
            result[key] = value.Evaluate(scope, field);
        }
        return result;
    }
}
