using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.JSONata.Internal.Ast;
using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Functions;
using StepFunctionsCqrs.Asl.JSONata.Internal.Parsing;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata;

/// <summary>A parsed JSONata expression: parse once, evaluate against many inputs (instances are immutable and thread-safe).</summary>
/// <remarks>
/// Results: C# null means "undefined" (nothing matched); a JSON null comes back as a <see cref="JsonValue"/> whose
/// <c>GetValueKind()</c> is <c>Null</c>. A C# null input or binding is read as JSON null.
/// </remarks>
public sealed class JsonataExpression
{
    private static readonly IReadOnlyDictionary<string, JsonNode?> NoBindings = new Dictionary<string, JsonNode?>();

    private readonly Node _root;
    private readonly FunctionLibrary _library;

    private JsonataExpression(string text, Node root, FunctionLibrary library)
    {
        Text = text;
        _root = root;
        _library = library;
    }

    public string Text { get; }

    /// <exception cref="JsonataException">The text is not a valid expression (codes S0xxx).</exception>
    public static JsonataExpression Parse(string text, JsonataLibrary library = JsonataLibrary.StepFunctions)
    {
        ArgumentNullException.ThrowIfNull(text);
        var root = Parser.Parse(text);
        return new JsonataExpression(text, root, library == JsonataLibrary.Standard ? FunctionLibrary.Core : FunctionLibrary.StepFunctions);
    }

    /// <param name="bindings">Variables by name without the $, e.g. "states" for $states.</param>
    /// <param name="timeProvider">Read once for $now and $millis; the system clock when null.</param>
    /// <param name="random">For $random(), $shuffle and $uuid; a shared instance when null.</param>
    /// <exception cref="JsonataException">An evaluation error (codes T, D and U).</exception>
    public JsonNode? Evaluate(JsonNode? input, IReadOnlyDictionary<string, JsonNode?>? bindings = null, TimeProvider? timeProvider = null, Random? random = null)
    {
        var run = new EvaluationRun(_library, (timeProvider ?? TimeProvider.System).GetUtcNow(), random ?? Random.Shared);
        var frame = new Frame(run);
        var value = NodeConversion.FromNode(input);
        if (value is JsonataArray array)
        {
            // Wrapped once, so that $[0] and $$ address the input array itself rather than its items.
            var wrapper = JsonataArray.Sequence();
            wrapper.Add(array);
            wrapper.IsOuterWrapper = true;
            value = wrapper;
        }
        frame.Bind("$", value);
        foreach (var (name, node) in bindings ?? NoBindings)
        {
            frame.Bind(name, NodeConversion.FromNode(node));
        }
        try
        {
            var result = _root.Evaluate(value, frame);
            if (result is JsonataArray { IsOuterWrapper: true } outer)
            {
                result = outer[0];
            }
            return NodeConversion.ToNode(result);
        }
        catch (InsufficientExecutionStackException)
        {
            throw new JsonataException("U1001", "Stack overflow error: Check for non-terminating recursive function. Consider rewriting as tail-recursive.");
        }
    }

    public override string ToString() => Text;
}
