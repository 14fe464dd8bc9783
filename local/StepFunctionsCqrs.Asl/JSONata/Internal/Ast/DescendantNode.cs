using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary><c>**</c>: the value and all its descendants, at any depth.</summary>
internal sealed class DescendantNode(int position) : Node(position)
{
    public override object? EvaluateCore(object? input, Frame frame)
    {
        if (input is null)
        {
            return null;
        }
        var results = JsonataArray.Sequence();
        Recurse(input, results);
        return results.Count == 1 ? results[0] : results;
    }

    private static void Recurse(object? input, JsonataArray results)
    {
        if (input is JsonataArray array)
        {
            foreach (var item in array)
            {
                Recurse(item, results);
            }
            return;
        }
        if (input is not null)
        {
            results.Add(input);
        }
        if (ObjectAccess.IsObject(input))
        {
            foreach (var (_, value) in ObjectAccess.Fields(input!))
            {
                Recurse(value, results);
            }
        }
    }
}
