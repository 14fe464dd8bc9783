using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Functions;

/// <summary>A built-in function: a signature and a C# body that receives the checked arguments.</summary>
internal sealed class NativeFunction : JsonataFunction
{
    private readonly Signature _signature;
    private readonly Func<object?[], Frame, object?> _body;

    public NativeFunction(string name, string signature, Func<object?[], Frame, object?> body)
    {
        Name = name;
        _signature = Signature.Parse(signature);
        _body = body;
    }

    public string Name { get; }

    public override int Arity => _signature.Arity;

    public override object? Invoke(object?[] arguments, object? input, Frame frame)
    {
        try
        {
            return _body(_signature.Validate(arguments, input), frame);
        }
        catch (JsonataException e) when (e.Token is null)
        {
            e.Token = "$" + Name;
            throw;
        }
    }
}
