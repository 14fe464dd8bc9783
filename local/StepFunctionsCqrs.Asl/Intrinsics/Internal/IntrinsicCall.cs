using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal;

/// <summary>A call <c>States.Name(args…)</c>; it can be the whole expression or an argument of another call.</summary>
internal sealed class IntrinsicCall(IntrinsicFunction function, IntrinsicArgument[] arguments) : IntrinsicArgument
{
    /// <summary>The function called.</summary>
    public IntrinsicFunction Function { get; } = function;

    /// <summary>The arguments as written.</summary>
    public IReadOnlyList<IntrinsicArgument> Arguments { get; } = arguments;

    public override JsonNode? Evaluate(PathScope scope)
    {
        var values = new JsonNode?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            values[i] = arguments[i].Evaluate(scope);
        }

        return Function.Invoke(new IntrinsicArguments(Function.Name, values, arguments), scope);
    }

    public override string Describe() => $"{Function.Name}({string.Join(", ", arguments.Select(a => a.Describe()))})";
}
