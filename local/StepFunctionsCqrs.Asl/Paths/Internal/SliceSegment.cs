using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary><c>[start:end:step]</c>: a range of array elements, end exclusive, negative bounds counting from the end.</summary>
internal sealed class SliceSegment(int? start, int? end, int step) : PathSegment
{
    public override bool IsDefinite => false;

    public override void Match(JsonNode? node, PathWalk walk, int next)
    {
        if (node is not JsonArray array)
        {
            return;
        }

        var count = array.Count;
        if (step > 0)
        {
            var from = Clamp(start ?? 0, count);
            var to = Clamp(end ?? count, count);
            for (var i = from; i < to; i += step)
            {
                walk.Continue(array[i], next);
            }
        }
        else
        {
            var from = start is { } s ? Math.Min(Normalize(s, count), count - 1) : count - 1;
            var to = end is { } e ? Math.Max(Normalize(e, count), -1) : -1;
            for (var i = from; i > to; i += step)
            {
                walk.Continue(array[i], next);
            }
        }
    }

    private static int Normalize(int bound, int count) => bound < 0 ? count + bound : bound;

    private static int Clamp(int bound, int count) => Math.Clamp(Normalize(bound, count), 0, count);

    public override string Describe() => $"[{start}:{end}{(step == 1 ? "" : $":{step}")}]";
}
