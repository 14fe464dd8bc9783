using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Values;

/// <summary><c>$f ~> $g</c>: a function applying f, then g to its result.</summary>
internal sealed class ComposedFunction(JsonataFunction first, JsonataFunction second) : JsonataFunction
{
    public override int Arity => first.Arity;

    public override object? Invoke(object?[] arguments, object? input, Frame frame) =>
        second.Invoke([first.Invoke(arguments, input, frame)], input, frame);
}
