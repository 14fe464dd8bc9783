namespace StepFunctionsCqrs.Asl.States.Choice.Conditions;

/// <summary>Turns a comparison result into the answer for an operator.</summary>
internal static class Ordering
{
    public static bool Holds(ComparisonOperator op, int comparison) => op switch
    {
        ComparisonOperator.Equals => comparison == 0,
        ComparisonOperator.LessThan => comparison < 0,
        ComparisonOperator.GreaterThan => comparison > 0,
        ComparisonOperator.LessThanEquals => comparison <= 0,
        ComparisonOperator.GreaterThanEquals => comparison >= 0,
        _ => false,
    };
}
