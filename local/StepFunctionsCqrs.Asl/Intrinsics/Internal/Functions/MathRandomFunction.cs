using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal.Functions;

/// <summary><c>States.MathRandom(start, end[, seed])</c>: a random integer from start (inclusive) to end (exclusive); the same seed gives the same number.</summary>
internal sealed class MathRandomFunction : IntrinsicFunction
{
    public override string Name => "States.MathRandom";

    public override int MinArguments => 2;

    public override int MaxArguments => 3;

    public override JsonNode? Invoke(IntrinsicArguments arguments, PathScope scope)
    {
        var start = arguments.RoundedInteger(0);
        var end = arguments.RoundedInteger(1);
        if (end <= start)
        {
            throw arguments.Failure($"the end ({end}) must be greater than the start ({start}).");
        }

        var random = arguments.Count == 3
            ? new Random(unchecked((int)arguments.Integer(2) ^ (int)(arguments.Integer(2) >> 32)))
            : scope.Random ?? Random.Shared;
        return JsonValue.Create(random.NextInt64(start, end));
    }
}
