using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Paths.Internal;

namespace StepFunctionsCqrs.Asl.Paths;

/// <summary>
/// A compiled JSONPath as the Amazon States Language uses it: <c>$…</c> reads the state input, <c>$$…</c> the context
/// object, <c>$name…</c> a workflow variable. Parsing does all the work once, so selection is a walk over prepared steps.
/// Node ownership: <see cref="Select"/> on a definite path returns the node inside the scope's document (shared, not
/// copied; DeepClone it before attaching it elsewhere or mutating it); on an indefinite path it returns a fresh
/// <see cref="JsonArray"/> of copies. <see cref="Apply"/> modifies and returns the target it is given.
/// </summary>
public sealed class JsonPath
{
    private readonly PathRoot _root;
    private readonly string? _variable;
    private readonly PathSegment[] _segments;

    private JsonPath(string text, ParsedPath parsed)
    {
        Text = text;
        _root = parsed.Root;
        _variable = parsed.VariableName;
        _segments = parsed.Segments;
        IsDefinite = Array.TrueForAll(_segments, s => s.IsDefinite);
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>True for a Reference Path: only field and index steps, so it identifies at most one node.</summary>
    public bool IsDefinite { get; }

    /// <summary>Compiles <paramref name="text"/>; throws <see cref="AslPathSyntaxException"/> naming the problem and its position.</summary>
    public static JsonPath Parse(string text) => new(text, PathParser.Parse(text));

    /// <summary>Compiles <paramref name="text"/>, reporting a syntax problem through <paramref name="error"/> instead of throwing.</summary>
    public static bool TryParse(string text, out JsonPath? path, out string? error)
    {
        try
        {
            path = Parse(text);
            error = null;
            return true;
        }
        catch (AslPathSyntaxException e)
        {
            path = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>
    /// Evaluates the path. A definite path returns the matched node itself (shared with the scope's document) and throws
    /// <see cref="StatesException"/> with <c>States.Runtime</c> when nothing matches; an indefinite path returns a new
    /// array holding copies of all matches, possibly empty.
    /// </summary>
    public JsonNode? Select(PathScope scope)
    {
        if (TrySelect(scope, out var value))
        {
            return value;
        }

        throw new StatesException(ErrorNames.Runtime, DescribeMiss(scope));
    }

    /// <summary>Like <see cref="Select"/>, but returns false instead of throwing when a definite path matches nothing.</summary>
    public bool TrySelect(PathScope scope, out JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!TryGetStart(scope, out var node))
        {
            value = null;
            return false;
        }

        if (IsDefinite)
        {
            var segments = _segments;
            for (var i = 0; i < segments.Length; i++)
            {
                if (!segments[i].TryStep(node, out node))
                {
                    value = null;
                    return false;
                }
            }

            value = node;
            return true;
        }

        var matches = new List<JsonNode?>();
        new PathWalk(_segments, scope.Input, matches).Continue(node, 0);
        var array = new JsonArray();
        foreach (var match in matches)
        {
            array.Add(match?.DeepClone());
        }

        value = array;
        return true;
    }

    /// <summary>
    /// ResultPath semantics: places <paramref name="value"/> at this path inside <paramref name="target"/>, creating missing
    /// intermediate objects, and returns the modified target (for <c>$</c>, returns the value). The target is changed in
    /// place; the value is used as it is unless it already belongs to a tree, in which case a copy is used, so the
    /// result never shares nodes with another document.
    /// Throws <see cref="StatesException"/> with <c>States.ResultPathMatchFailure</c> when a step meets something that
    /// cannot hold it (a field step on a non-object, an index step on a non-array or outside it).
    /// </summary>
    public JsonNode? Apply(JsonNode? target, JsonNode? value)
    {
        if (!IsDefinite || _root != PathRoot.Input)
        {
            throw new InvalidOperationException($"The path '{Text}' cannot receive a result: it must be a Reference Path on the state input.");
        }

        if (value is not null && (value.Parent is not null || (_segments.Length > 0 && ReferenceEquals(value, target))))
        {
            value = value.DeepClone();
        }

        if (_segments.Length == 0)
        {
            return value;
        }

        var node = target;
        for (var i = 0; i < _segments.Length; i++)
        {
            var last = i == _segments.Length - 1;
            switch (_segments[i], node)
            {
                case (PropertySegment property, JsonObject obj):
                    if (last)
                    {
                        obj[property.Name] = value;
                    }
                    else if (obj.TryGetPropertyValue(property.Name, out var child))
                    {
                        node = child;
                    }
                    else
                    {
                        var created = new JsonObject();
                        obj[property.Name] = created;
                        node = created;
                    }

                    break;
                case (IndexSegment index, JsonArray array) when index.TryResolve(array.Count, out var position):
                    if (last)
                    {
                        array[position] = value;
                    }
                    else
                    {
                        node = array[position];
                    }

                    break;
                default:
                    throw new StatesException(
                        ErrorNames.ResultPathMatchFailure,
                        $"Unable to apply ResultPath '{Text}' to input '{Render(target)}': the step {_segments[i].Describe()} cannot be applied to {Render(node)}.");
            }
        }

        return target;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private bool TryGetStart(PathScope scope, out JsonNode? node)
    {
        switch (_root)
        {
            case PathRoot.Input:
                node = scope.Input;
                return true;
            case PathRoot.Context:
                node = scope.Context;
                return true;
            default:
                node = null;
                return scope.Variables is { } variables && variables.TryGetValue(_variable!, out node);
        }
    }

    private string DescribeMiss(PathScope scope) => _root switch
    {
        PathRoot.Context => $"The JSONPath '{Text}' could not be found in the context object '{Render(scope.Context)}'.",
        PathRoot.Variable when scope.Variables is null || !scope.Variables.ContainsKey(_variable!) =>
            $"The JSONPath '{Text}' refers to the variable '{_variable}', which is not defined.",
        PathRoot.Variable => $"The JSONPath '{Text}' could not be found in the variable '{_variable}' '{Render(scope.Variables![_variable!])}'.",
        _ => $"The JSONPath '{Text}' could not be found in the input '{Render(scope.Input)}'.",
    };

    private static string Render(JsonNode? node) => JsonText.Compact(node);
}
