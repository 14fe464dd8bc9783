using StepFunctionsCqrs.Asl.JSONata.Internal.Ast;
using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Values;

/// <summary>The function a transform expression evaluates to.</summary>
internal sealed class TransformFunction(TransformNode definition, Frame frame) : JsonataFunction
{
    public override int Arity => 1;

    public override object? Invoke(object?[] arguments, object? input, Frame caller) =>
        definition.Apply(arguments.Length > 0 ? arguments[0] : null, frame);
}
