using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal.Functions;

/// <summary><c>States.ArrayRange(first, last, step)</c>: first, first + step, … up to and including last; at most 1000 elements.</summary>
internal sealed class ArrayRangeFunction : IntrinsicFunction
{
    /// <summary>The largest array the function may produce.</summary>
    public const int MaxElements = 1000;

    public override string Name => "States.ArrayRange";

    public override int MinArguments => 3;

    public override int MaxArguments => 3;

    public override JsonNode? Invoke(IntrinsicArguments arguments, PathScope scope)
    {
        var first = arguments.RoundedInteger(0);
        var last = arguments.RoundedInteger(1);
        var step = arguments.RoundedInteger(2);
        if (step == 0)
        {
            throw arguments.Failure("the step (argument 3) must not be 0.");
        }

        var count = (step > 0 ? last >= first : last <= first)
            ? (Int128)(last - (Int128)first) / step + 1
            : 0;
        if (count > MaxElements)
        {
            throw arguments.Failure($"the range would have {count} elements, but an array can have at most {MaxElements}.");
        }

        var result = new JsonArray();
        for (var i = 0; i < (int)count; i++)
        {
            result.Add(JsonValue.Create(first + (i * step)));
        }

        return result;
    }
}
