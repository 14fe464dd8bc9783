using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal;

/// <summary>One argument of an intrinsic call: a literal, a path, or a nested call.</summary>
internal abstract class IntrinsicArgument
{
    /// <summary>The argument's value; it may be shared with the scope's documents, so treat it as read-only.</summary>
    public abstract JsonNode? Evaluate(PathScope scope);

    /// <summary>How the argument reads in error messages.</summary>
    public abstract string Describe();
}
