using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary><c>[n]</c>: an array element; a negative index counts from the end, as in the JsonPath implementation AWS uses.</summary>
internal sealed class IndexSegment(int index) : PathSegment
{
    /// <summary>The index as written.</summary>
    public int Index { get; } = index;

    public override bool IsDefinite => true;

    public override bool TryStep(JsonNode? node, out JsonNode? child)
    {
        if (node is JsonArray array && TryResolve(array.Count, out var position))
        {
            child = array[position];
            return true;
        }

        child = null;
        return false;
    }

    /// <summary>Turns the written index into a position within an array of <paramref name="count"/> elements.</summary>
    public bool TryResolve(int count, out int position)
    {
        position = Index < 0 ? count + Index : Index;
        return position >= 0 && position < count;
    }

    public override string Describe() => $"[{Index}]";
}
