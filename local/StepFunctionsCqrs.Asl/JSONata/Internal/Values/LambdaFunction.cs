using StepFunctionsCqrs.Asl.JSONata.Internal.Ast;
using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Values;

/// <summary>A lambda value: its definition, the frame it closes over and the context it was defined in.</summary>
internal sealed class LambdaFunction(LambdaNode definition, Frame closure, object? context) : JsonataFunction
{
    public override int Arity => definition.Parameters.Count;

    public override object? Invoke(object?[] arguments, object? input, Frame frame)
    {
        if (definition.Signature is { } signature)
        {
            arguments = signature.Validate(arguments, input);
        }
        var scope = new Frame(closure);
        for (var i = 0; i < definition.Parameters.Count; i++)
        {
            scope.Bind(definition.Parameters[i], i < arguments.Length ? arguments[i] : null);
        }
        return definition.Body.Evaluate(context, scope);
    }
}
