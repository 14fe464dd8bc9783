using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary><c>expr[predicate]</c>: keeps the items for which the predicate is true, or those at the given index.</summary>
internal sealed class FilterNode(Node subject, Node predicate, int position) : Node(position)
{
    public Node Subject { get; } = subject;

    public Node Predicate { get; } = predicate;

    public override object? EvaluateCore(object? input, Frame frame) => Filter(Predicate, Subject.Evaluate(input, frame), frame);

    public static object? Filter(Node predicate, object? input, Frame frame)
    {
        var results = JsonataArray.Sequence();
        var items = input as JsonataArray ?? JsonataArray.Sequence(input);
        if (predicate is LiteralNode { Value: double literal })
        {
            var index = (int)Math.Floor(literal);
            if (index < 0)
            {
                index += items.Count;
            }
            if (index >= 0 && index < items.Count && items[index] is { } item)
            {
                if (item is JsonataArray itemArray)
                {
                    return itemArray;
                }
                results.Add(item);
            }
            return results;
        }
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var result = predicate.Evaluate(item, frame);
            if (result is double number)
            {
                if (Matches(number, index, items.Count))
                {
                    results.Add(item);
                }
            }
            else if (result is JsonataArray { Count: > 0 } indexes && ValueTypes.IsArrayOfNumbers(indexes))
            {
                foreach (var entry in indexes)
                {
                    if (Matches((double)entry!, index, items.Count))
                    {
                        results.Add(item);
                    }
                }
            }
            else if (ValueTypes.IsTruthy(result))
            {
                results.Add(item);
            }
        }
        return results;
    }

    private static bool Matches(double number, int index, int count)
    {
        var wanted = Math.Floor(number);
        if (wanted < 0)
        {
            wanted += count;
        }
        return wanted == index;
    }
}
