using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Values;

/// <summary>A function value: built-in, lambda, partial application, composition or regex.</summary>
internal abstract class JsonataFunction
{
    /// <summary>How many arguments it takes; higher-order functions pass (value, index, array) only up to this.</summary>
    public abstract int Arity { get; }

    /// <param name="input">The context item at the call, which a built-in uses when an argument marked "-" is left out.</param>
    public abstract object? Invoke(object?[] arguments, object? input, Frame frame);
}
