using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal.Functions;

/// <summary><c>States.MathAdd(value, step)</c>: the sum of two integers in the 32-bit signed range; other numbers are rounded to the nearest integer first.</summary>
internal sealed class MathAddFunction : IntrinsicFunction
{
    public override string Name => "States.MathAdd";

    public override int MinArguments => 2;

    public override int MaxArguments => 2;

    public override JsonNode? Invoke(IntrinsicArguments arguments, PathScope scope)
    {
        var value = InRange(arguments, 0);
        var step = InRange(arguments, 1);
        return JsonValue.Create(value + step);
    }

    private static long InRange(IntrinsicArguments arguments, int index)
    {
        var value = arguments.RoundedInteger(index);
        if (value is < int.MinValue or > int.MaxValue)
        {
            throw arguments.Failure($"argument {index + 1} ({value}) must be between {int.MinValue} and {int.MaxValue}.");
        }

        return value;
    }
}
