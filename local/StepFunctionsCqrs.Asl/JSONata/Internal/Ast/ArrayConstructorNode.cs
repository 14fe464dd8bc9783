using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary><c>[a, b, 1..3]</c>: items are appended, so sequences and ranges spread while nested constructors nest.</summary>
internal sealed class ArrayConstructorNode(List<Node> items, int position) : Node(position)
{
    public List<Node> Items { get; } = items;

    /// <summary>First or last in a path: the array survives the path's flattening.</summary>
    public bool KeepWhole { get; set; }

    public override object? EvaluateCore(object? input, Frame frame)
    {
        var result = new JsonataArray(Items.Count) { IsConstructed = KeepWhole };
        foreach (var item in Items)
        {
            var value = item.Evaluate(input, frame);
            if (value is null)
            {
                continue;
            }
            if (item is ArrayConstructorNode || value is not JsonataArray values)
            {
                result.Add(value);
            }
            else
            {
                result.AddRange(values);
            }
        }
        return result;
    }
}
