namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary>The relational operators a filter may use.</summary>
internal enum ComparisonOperator
{
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
}
