using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Paths;

/// <summary>The documents a path or intrinsic can read: state input (<c>$</c>), context object (<c>$$</c>), workflow variables (<c>$name</c>) and the random source for <c>States.MathRandom</c> and <c>States.UUID</c>.</summary>
public sealed record PathScope(
    JsonNode? Input,
    JsonNode? Context,
    IReadOnlyDictionary<string, JsonNode?>? Variables = null,
    Random? Random = null);
