using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.History;

/// <summary>A payload kept as a node and serialized only when someone reads the history.</summary>
public sealed class LazyJson(JsonNode? node)
{
    private string? _text;

    /// <summary>The payload as a node; nodes recorded in history are never modified afterwards.</summary>
    public JsonNode? Node { get; } = node;

    /// <summary>The payload as JSON text, the way the service reports input and output.</summary>
    public string Text => _text ??= Node?.ToJsonString() ?? "null";

    /// <inheritdoc />
    public override string ToString() => Text;
}
