using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary>A field name: the field's value in an object, or the flattened values across an array.</summary>
internal sealed class NameNode(string name, int position) : Node(position)
{
    public string Name { get; } = name;

    public override object? EvaluateCore(object? input, Frame frame) => Lookup(input, Name);

    public static object? Lookup(object? input, string name)
    {
        if (input is JsonataArray array)
        {
            var result = JsonataArray.Sequence();
            foreach (var item in array)
            {
                var value = Lookup(item, name);
                if (value is JsonataArray values)
                {
                    result.AddRange(values);
                }
                else if (value is not null)
                {
                    result.Add(value);
                }
            }
            return result;
        }
        return ObjectAccess.IsObject(input) ? ObjectAccess.GetField(input!, name) : null;
    }
}
