using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary><c>$f(a, b)</c>: arguments are evaluated eagerly against the context, then the function applied.</summary>
internal sealed class FunctionCallNode(Node procedure, List<Node> arguments, int position) : Node(position)
{
    public override object? EvaluateCore(object? input, Frame frame) => Call(input, frame, null, false);

    /// <summary>Calls with <paramref name="first"/> put before the written arguments, as <c>x ~> $f(b)</c> does.</summary>
    public object? Call(object? input, Frame frame, object? first, bool hasFirst)
    {
        var function = ResolveFunction(procedure, input, frame, "T1006", "T1005", Position);
        var offset = hasFirst ? 1 : 0;
        var values = new object?[arguments.Count + offset];
        if (hasFirst)
        {
            values[0] = first;
        }
        for (var i = 0; i < arguments.Count; i++)
        {
            values[i + offset] = arguments[i].Evaluate(input, frame);
        }
        try
        {
            return function.Invoke(values, input, frame);
        }
        catch (JsonataException e) when (e.Position < 0)
        {
            e.Position = Position;
            throw;
        }
    }

    public static JsonataFunction ResolveFunction(Node procedure, object? input, Frame frame, string notAFunction, string missingDollar, int position)
    {
        var value = procedure.Evaluate(input, frame);
        if (value is JsonataFunction function)
        {
            return function;
        }
        var name = NameOf(procedure);
        if (value is null && procedure is PathNode && name is not null && frame.Lookup(name) is JsonataFunction)
        {
            throw new JsonataException(missingDollar, $"Attempted to invoke a non-function. Did you mean ${name}?", position, name);
        }
        throw new JsonataException(notAFunction, "Attempted to invoke a non-function", position, name is null ? null : "$" + name);
    }

    private static string? NameOf(Node procedure) => procedure switch
    {
        VariableNode variable => variable.Name,
        PathNode { Steps: [{ Expression: NameNode name }] } => name.Name,
        _ => null,
    };
}
