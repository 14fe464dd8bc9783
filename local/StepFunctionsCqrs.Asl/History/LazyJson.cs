using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.History;

/// <summary>A payload kept as a node and serialized only when someone reads the history, so recording costs nothing.</summary>
public readonly struct LazyJson(JsonNode? node)
{
    /// <summary>The payload as a node; nodes recorded in history are never modified afterwards.</summary>
    public JsonNode? Node { get; } = node;

    /// <summary>The payload as JSON text, the way the service reports input and output.</summary>
    public string Text => Node?.ToJsonString() ?? "null";

    /// <inheritdoc />
    public override string ToString() => Text;
}
