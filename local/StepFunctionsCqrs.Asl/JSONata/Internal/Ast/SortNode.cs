using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Functions;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary><c>path^(&lt;a, &gt;b)</c>: a stable sort of the path's sequence by the terms; undefined keys sort last.</summary>
internal sealed class SortNode(List<(Node Expression, bool Descending)> terms, int position) : Node(position)
{
    public override object? EvaluateCore(object? input, Frame frame) =>
        Sort(input as JsonataArray ?? JsonataArray.Sequence(input), frame);

    public JsonataArray Sort(JsonataArray input, Frame frame)
    {
        var sorted = ArrayFunctions.MergeSort(input, (a, b) => Compare(a, b, frame) > 0);
        sorted.IsSequence = true;
        return sorted;
    }

    private int Compare(object? a, object? b, Frame frame)
    {
        foreach (var (expression, descending) in terms)
        {
            var aa = expression.Evaluate(a, frame);
            var bb = expression.Evaluate(b, frame);
            if (aa is null)
            {
                if (bb is null)
                {
                    continue;
                }
                return 1;
            }
            if (bb is null)
            {
                return -1;
            }
            if (aa is not (string or double) || bb is not (string or double))
            {
                throw Error("T2008", "The expressions within an order-by clause must evaluate to numeric or string values");
            }
            int comparison;
            if (aa is double x && bb is double y)
            {
                comparison = x.CompareTo(y);
            }
            else if (aa is string s && bb is string t)
            {
                comparison = string.CompareOrdinal(s, t);
            }
            else
            {
                throw Error("T2007", "Type mismatch within order-by clause. All values must be of the same type");
            }
            if (comparison != 0)
            {
                return descending ? -comparison : comparison;
            }
        }
        return 0;
    }
}
