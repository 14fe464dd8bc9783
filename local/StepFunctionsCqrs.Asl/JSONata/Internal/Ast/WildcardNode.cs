using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary><c>*</c>: the values of all the fields of an object, arrays among them flattened.</summary>
internal sealed class WildcardNode(int position) : Node(position)
{
    public override object? EvaluateCore(object? input, Frame frame)
    {
        var results = JsonataArray.Sequence();
        if (input is JsonataArray { IsOuterWrapper: true, Count: > 0 } wrapper)
        {
            input = wrapper[0];
        }
        if (ObjectAccess.IsObject(input))
        {
            foreach (var (_, value) in ObjectAccess.Fields(input!))
            {
                if (value is JsonataArray array)
                {
                    Flatten(array, results);
                }
                else if (value is not null)
                {
                    results.Add(value);
                }
            }
        }
        return results;
    }

    private static void Flatten(JsonataArray array, JsonataArray into)
    {
        foreach (var item in array)
        {
            if (item is JsonataArray inner)
            {
                Flatten(inner, into);
            }
            else
            {
                into.Add(item);
            }
        }
    }
}
