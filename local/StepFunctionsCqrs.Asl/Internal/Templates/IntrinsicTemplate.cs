using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Intrinsics;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Internal.Templates;

/// <summary>A "key.$" value that is an intrinsic function call such as States.Format(...).</summary>
internal sealed class IntrinsicTemplate(string text, IntrinsicExpression expression) : TemplateNode
{
    public override bool NeedsContext { get; } = text.Contains("$$", StringComparison.Ordinal);

    public override JsonNode? Evaluate(PathScope scope, string field) => NodeOwnership.Detached(expression.Evaluate(scope));
}
