using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Internal.Templates;

/// <summary>
/// A "key.$" value that is a path into the input, the context object ($$) or a variable ($name). A path that matches
/// nothing fails with States.Runtime, as the service and Step Functions Local do (not the spec's
/// States.ParameterPathFailure), so States.ALL does not catch it.
/// </summary>
internal sealed class PathTemplate(string key, JsonPath path) : TemplateNode
{
    public override bool NeedsContext { get; } = path.Text.StartsWith("$$", StringComparison.Ordinal);

    public override JsonNode? Evaluate(PathScope scope, string field)
    {
        try
        {
            return NodeOwnership.Detached(path.Select(scope));
        }
        catch (StatesException e) when (e.Error == ErrorNames.Runtime)
        {
            throw new StatesException(ErrorNames.Runtime,
                $"The JSONPath '{path.Text}' specified for the field '{key}.$' could not be found in the input '{scope.Input?.ToJsonString() ?? "null"}'");
        }
    }
}
