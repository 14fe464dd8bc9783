using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal;

/// <summary>
/// A quoted string written in the call, with its escapes resolved. The pieces between unescaped <c>{}</c> are kept
/// apart, because only an unescaped <c>{}</c> is a States.Format placeholder (<c>\{\}</c> is literal text).
/// </summary>
internal sealed class StringLiteralArgument(string value, IReadOnlyList<string> templatePieces) : IntrinsicArgument
{
    private readonly JsonValue _node = JsonValue.Create(value);

    /// <summary>The string with escapes resolved.</summary>
    public string Value { get; } = value;

    /// <summary>The text split at each unescaped <c>{}</c>: n placeholders give n + 1 pieces.</summary>
    public IReadOnlyList<string> TemplatePieces { get; } = templatePieces;

    public override JsonNode? Evaluate(PathScope scope) => _node;

    public override string Describe() => $"'{Value}'";
}
