using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Intrinsics.Internal;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Intrinsics;

/// <summary>
/// A compiled intrinsic function call such as <c>States.Format('Hello {}', $.name)</c>. Syntax, unknown names and
/// argument counts are checked at parse time; argument types at evaluation. <see cref="Evaluate"/> returns a fresh
/// node the caller owns (never a node shared with the scope's documents).
/// </summary>
public sealed class IntrinsicExpression
{
    private readonly IntrinsicCall _call;
    private readonly string _text;

    private IntrinsicExpression(string text, IntrinsicCall call)
    {
        _text = text;
        _call = call;
    }

    /// <summary>Whether a <c>.$</c> field value is an intrinsic call rather than a path: it starts with <c>States.</c>.</summary>
    public static bool LooksLikeIntrinsic(string text) =>
        text is not null && text.AsSpan().TrimStart().StartsWith("States.", StringComparison.Ordinal);

    /// <summary>Compiles <paramref name="text"/>; throws <see cref="AslPathSyntaxException"/> for bad syntax, an unknown function or a wrong argument count.</summary>
    public static IntrinsicExpression Parse(string text) => new(text, IntrinsicParser.Parse(text));

    /// <summary>Compiles <paramref name="text"/>, reporting a problem through <paramref name="error"/> instead of throwing.</summary>
    public static bool TryParse(string text, out IntrinsicExpression? expr, out string? error)
    {
        try
        {
            expr = Parse(text);
            error = null;
            return true;
        }
        catch (AslPathSyntaxException e)
        {
            expr = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>
    /// Evaluates the call against <paramref name="scope"/>. Throws <see cref="StatesException"/> with
    /// <c>States.IntrinsicFailure</c> when an argument has the wrong type or value, or <c>States.Runtime</c> when a
    /// path argument matches nothing.
    /// </summary>
    public JsonNode? Evaluate(PathScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return _call.Evaluate(scope);
    }

    /// <inheritdoc />
    public override string ToString() => _text;
}
