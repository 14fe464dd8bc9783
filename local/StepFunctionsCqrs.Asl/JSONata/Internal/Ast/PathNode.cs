using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary>
/// <c>a.b.c</c>: each step is evaluated against every item the previous step produced, and the results are
/// flattened into one sequence.
/// </summary>
internal sealed class PathNode(List<PathStep> steps, int position) : Node(position)
{
    public List<PathStep> Steps { get; } = steps;

    /// <summary>Some step ends in <c>[]</c>, so the path's singleton result stays an array.</summary>
    public bool KeepSingletonArray { get; set; }

    public override object? EvaluateCore(object? input, Frame frame)
    {
        JsonataArray inputSequence;
        if (input is JsonataArray array && Steps[0].Expression is not VariableNode)
        {
            inputSequence = array;
        }
        else
        {
            inputSequence = JsonataArray.Sequence();
            inputSequence.Add(input);
        }

        object? result = null;
        for (var i = 0; i < Steps.Count; i++)
        {
            var step = Steps[i];
            if (i == 0 && step.IsConstructor)
            {
                result = step.Expression.Evaluate(inputSequence, frame);
            }
            else if (step.Expression is SortNode sort)
            {
                result = sort.Sort(inputSequence, frame);
                if (step.Stages is not null)
                {
                    foreach (var stage in step.Stages)
                    {
                        result = FilterNode.Filter(stage, result, frame);
                    }
                }
            }
            else
            {
                result = EvaluateStep(step, inputSequence, frame, i == Steps.Count - 1);
            }

            if (result is null || result is JsonataArray { Count: 0 })
            {
                break;
            }
            inputSequence = result as JsonataArray ?? JsonataArray.Sequence(result);
        }

        if (KeepSingletonArray && result is not null)
        {
            var kept = result as JsonataArray;
            if (kept is null || (kept.IsConstructed && !kept.IsSequence))
            {
                kept = JsonataArray.Sequence(result);
            }
            kept.KeepSingleton = true;
            result = kept;
        }
        return result;
    }

    private static object EvaluateStep(PathStep step, JsonataArray input, Frame frame, bool lastStep)
    {
        var results = JsonataArray.Sequence();
        foreach (var item in input)
        {
            var value = step.Expression.Evaluate(item, frame);
            if (step.Stages is not null)
            {
                foreach (var stage in step.Stages)
                {
                    value = FilterNode.Filter(stage, value, frame);
                }
            }
            if (value is not null)
            {
                results.Add(value);
            }
        }

        if (lastStep && results.Count == 1 && results[0] is JsonataArray { IsSequence: false } only)
        {
            return only;
        }
        var flattened = JsonataArray.Sequence();
        foreach (var value in results)
        {
            if (value is JsonataArray values && !values.IsConstructed)
            {
                flattened.AddRange(values);
            }
            else
            {
                flattened.Add(value);
            }
        }
        return flattened;
    }
}
