using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Internal.Templates;

/// <summary>A literal part of a template, copied into every result.</summary>
internal sealed class ConstantTemplate(JsonNode? value) : TemplateNode
{
    public override bool NeedsContext => false;

    public override JsonNode? Evaluate(PathScope scope, string field) => value?.DeepClone();
}
