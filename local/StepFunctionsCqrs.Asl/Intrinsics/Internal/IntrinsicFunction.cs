using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal;

/// <summary>One <c>States.*</c> function: its name, how many arguments it takes, and what it computes.</summary>
internal abstract class IntrinsicFunction
{
    /// <summary>The full name, e.g. <c>States.Format</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The fewest arguments allowed.</summary>
    public abstract int MinArguments { get; }

    /// <summary>The most arguments allowed; <see cref="int.MaxValue"/> for no limit.</summary>
    public abstract int MaxArguments { get; }

    /// <summary>Checks what can be known before evaluation; returns a problem description or null.</summary>
    public virtual string? Validate(IReadOnlyList<IntrinsicArgument> arguments) => null;

    /// <summary>Computes the result; the result must be a fresh node the caller owns.</summary>
    public abstract JsonNode? Invoke(IntrinsicArguments arguments, PathScope scope);
}
