using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary><c>expr{key: value}</c>: groups the items by key and evaluates the value over each group.</summary>
internal sealed class GroupNode(Node subject, List<(Node Key, Node Value)> pairs, int position) : Node(position)
{
    public override object? EvaluateCore(object? input, Frame frame) => Group(pairs, subject.Evaluate(input, frame), frame, Position);

    public static object Group(List<(Node Key, Node Value)> pairs, object? input, Frame frame, int position)
    {
        var items = input as JsonataArray;
        if (items is null || items.Count == 0)
        {
            // An empty input still yields one pass, so that a literal object constructor produces its object.
            items = [items is null ? input : null];
        }
        var groups = new OrderedDictionary<string, (object? Data, int PairIndex)>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            for (var p = 0; p < pairs.Count; p++)
            {
                var key = pairs[p].Key.Evaluate(item, frame);
                if (key is null)
                {
                    continue;
                }
                if (key is not string name)
                {
                    throw new JsonataException("T1003", $"Key in object structure must evaluate to a string; got: {JsonText.Stringify(key, false)}", position);
                }
                if (groups.TryGetValue(name, out var existing))
                {
                    if (existing.PairIndex != p)
                    {
                        throw new JsonataException("D1009", $"Multiple key definitions evaluate to same key: {name}", position);
                    }
                    groups[name] = (Append(existing.Data, item), p);
                }
                else
                {
                    groups.Add(name, (item, p));
                }
            }
        }
        var result = new JsonataObject();
        foreach (var (key, (data, pairIndex)) in groups)
        {
            var value = pairs[pairIndex].Value.Evaluate(data, frame);
            if (value is not null)
            {
                result[key] = value;
            }
        }
        return result;
    }

    private static JsonataArray Append(object? data, object? item)
    {
        var result = new JsonataArray();
        if (data is JsonataArray existing)
        {
            result.AddRange(existing);
        }
        else
        {
            result.Add(data);
        }
        if (item is JsonataArray more)
        {
            result.AddRange(more);
        }
        else
        {
            result.Add(item);
        }
        return result;
    }
}
