using System.Runtime.CompilerServices;
using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary>An expression element; evaluating it unwraps result sequences the way every JSONata expression does.</summary>
internal abstract class Node
{
    protected Node(int position)
    {
        Position = position;
    }

    public int Position { get; }

    /// <summary>Set by a trailing <c>[]</c>: a singleton result stays an array.</summary>
    public bool KeepArray { get; set; }

    public object? Evaluate(object? input, Frame frame)
    {
        // Deep recursion (a runaway lambda) must end in a JSONata error, never a process-killing stack overflow.
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new JsonataException("U1001", "Stack overflow error: Check for non-terminating recursive function. Consider rewriting as tail-recursive.", Position);
        }
        var result = EvaluateCore(input, frame);
        if (result is JsonataArray { IsSequence: true } sequence)
        {
            if (KeepArray)
            {
                sequence.KeepSingleton = true;
            }
            if (sequence.Count == 0)
            {
                return null;
            }
            if (sequence.Count == 1 && !sequence.KeepSingleton)
            {
                return sequence[0];
            }
        }
        return result;
    }

    /// <summary>The element's own meaning, before sequence unwrapping.</summary>
    public abstract object? EvaluateCore(object? input, Frame frame);

    protected JsonataException Error(string code, string message, string? token = null) => new(code, message, Position, token);
}
