using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Constructs;

namespace StepFunctionsCqrs.Infra.Tests.Support;

/// <summary>A synthesized stack as both a CDK <see cref="Amazon.CDK.Assertions.Template"/> and plain JSON, with a few queries over it.</summary>
internal sealed class SynthesizedTemplate
{
    private readonly Stack _stack;

    private SynthesizedTemplate(Stack stack)
    {
        _stack = stack;
        Template = Template.FromStack(stack);
        Json = JsonNode.Parse(JsonSerializer.Serialize(Template.ToJSON()))!.AsObject();
    }

    public Template Template { get; }

    public JsonObject Json { get; }

    public static SynthesizedTemplate Of(Stack stack) => new(stack);

    /// <summary>Every resource of a type, by logical id.</summary>
    public IReadOnlyDictionary<string, JsonObject> Resources(string type) =>
        Json["Resources"]!.AsObject()
            .Where(r => (string?)r.Value!["Type"] == type)
            .ToDictionary(r => r.Key, r => r.Value!.AsObject());

    /// <summary>The properties of the only resource of a type; fails when there is not exactly one.</summary>
    public JsonObject SingleProperties(string type)
    {
        var resources = Resources(type);
        Assert.True(resources.Count == 1, $"Expected one {type}, found {resources.Count}.");
        return resources.Single().Value["Properties"]!.AsObject();
    }

    /// <summary>The number of resources of a type.</summary>
    public int Count(string type) => Resources(type).Count;

    /// <summary>The logical id CloudFormation will know a construct's default resource by.</summary>
    public string LogicalIdOf(IConstruct construct) =>
        _stack.GetLogicalId((CfnElement)construct.Node.DefaultChild!);

    /// <summary>Stack outputs by name.</summary>
    public IReadOnlyDictionary<string, JsonObject> Outputs =>
        Json["Outputs"]?.AsObject().ToDictionary(o => o.Key, o => o.Value!.AsObject()) ?? [];
}
