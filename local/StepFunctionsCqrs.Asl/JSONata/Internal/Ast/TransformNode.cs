using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary><c>| pattern | update [, delete] |</c>: a function returning a modified copy of its argument.</summary>
internal sealed class TransformNode(Node pattern, Node update, Node? delete, int position) : Node(position)
{
    public override object? EvaluateCore(object? input, Frame frame) => new TransformFunction(this, frame);

    public object? Apply(object? value, Frame frame)
    {
        if (value is null)
        {
            return null;
        }
        var copy = DeepCopy(value);
        var matches = pattern.Evaluate(copy, frame);
        if (matches is null)
        {
            return copy;
        }
        var targets = matches as JsonataArray ?? [matches];
        foreach (var target in targets)
        {
            if (target is not JsonataObject obj)
            {
                continue;
            }
            var changes = update.Evaluate(obj, frame);
            if (changes is not null)
            {
                if (!ObjectAccess.IsObject(changes))
                {
                    throw Error("T2011", "The insert/update clause of the transform expression must evaluate to an object");
                }
                foreach (var (key, field) in ObjectAccess.Fields(changes))
                {
                    obj[key] = field;
                }
            }
            if (delete is not null && delete.Evaluate(obj, frame) is { } removals)
            {
                var names = removals as JsonataArray ?? [removals];
                foreach (var name in names)
                {
                    if (name is not string key)
                    {
                        throw Error("T2012", "The delete clause of the transform expression must evaluate to a string or array of strings");
                    }
                    obj.Remove(key);
                }
            }
        }
        return copy;
    }

    private static object? DeepCopy(object? value)
    {
        switch (value)
        {
            case JsonataArray array:
                var copy = new JsonataArray(array.Count) { IsSequence = array.IsSequence, IsConstructed = array.IsConstructed };
                foreach (var item in array)
                {
                    copy.Add(DeepCopy(item));
                }
                return copy;
            case JsonataFunction:
                return value;
            default:
                if (!ObjectAccess.IsObject(value))
                {
                    return value;
                }
                var obj = new JsonataObject();
                foreach (var (key, field) in ObjectAccess.Fields(value!))
                {
                    obj[key] = DeepCopy(field);
                }
                return obj;
        }
    }
}
