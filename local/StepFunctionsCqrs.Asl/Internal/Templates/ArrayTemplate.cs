using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Internal.Templates;

/// <summary>An array holding objects with "key.$" members somewhere inside.</summary>
internal sealed class ArrayTemplate(IReadOnlyList<TemplateNode> items) : TemplateNode
{
    public override bool NeedsContext { get; } = items.Any(i => i.NeedsContext);

    public override JsonNode? Evaluate(PathScope scope, string field)
    {
        var result = new JsonArray();
        foreach (var item in items)
        {
            result.Add(item.Evaluate(scope, field));
        }
        return result;
    }
}
