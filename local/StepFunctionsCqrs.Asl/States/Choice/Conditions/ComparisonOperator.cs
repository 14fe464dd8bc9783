namespace StepFunctionsCqrs.Asl.States.Choice.Conditions;

/// <summary>The relation a comparison tests.</summary>
internal enum ComparisonOperator
{
    Equals,
    LessThan,
    GreaterThan,
    LessThanEquals,
    GreaterThanEquals,
    Matches,
}
