using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Intrinsics;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Internal.Templates;

/// <summary>Turns a template's JSON into compiled nodes once, at parse time.</summary>
internal static class TemplateCompiler
{
    public const string DynamicSuffix = ".$";

    public static TemplateNode Compile(JsonNode? node)
    {
        if (!HasDynamicMember(node)) return new ConstantTemplate(node?.DeepClone());
        switch (node)
        {
            case JsonObject o:
                var members = new List<KeyValuePair<string, TemplateNode>>(o.Count);
                foreach (var (key, value) in o)
                {
                    if (key.EndsWith(DynamicSuffix, StringComparison.Ordinal))
                    {
                        var name = key[..^DynamicSuffix.Length];
                        members.Add(new(name, CompileDynamic(name, value!.GetValue<string>())));
                    }
                    else
                    {
                        members.Add(new(key, Compile(value)));
                    }
                }
                return new ObjectTemplate(members);
            case JsonArray a:
                return new ArrayTemplate(a.Select(Compile).ToList());
            default:
                return new ConstantTemplate(node?.DeepClone());
        }
    }

    /// <summary>Compiles the value of a "key.$" member: an intrinsic call or a path.</summary>
    public static TemplateNode CompileDynamic(string key, string text) =>
        IntrinsicExpression.LooksLikeIntrinsic(text)
            ? new IntrinsicTemplate(text, IntrinsicExpression.Parse(text))
            : new PathTemplate(key, JsonPath.Parse(text));

    private static bool HasDynamicMember(JsonNode? node) => node switch
    {
        JsonObject o => o.Any(m => m.Key.EndsWith(DynamicSuffix, StringComparison.Ordinal) || HasDynamicMember(m.Value)),
        JsonArray a => a.Any(HasDynamicMember),
        _ => false,
    };
}
