namespace StepFunctionsCqrs.Asl.States.Choice;

/// <summary>The comparison operator names of the language and the operand type each expects.</summary>
public static class ChoiceOperators
{
    /// <summary>Operand kinds, used to validate literal operands.</summary>
    public enum OperandKind
    {
        /// <summary>A string literal.</summary>
        String,

        /// <summary>A number literal.</summary>
        Number,

        /// <summary>An RFC3339 timestamp string.</summary>
        Timestamp,

        /// <summary>A Boolean literal.</summary>
        Boolean,

        /// <summary>A path to the other operand.</summary>
        Path,
    }

    private static readonly string[] Relations = ["Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"];

    /// <summary>Every comparison operator name and its operand kind.</summary>
    public static IReadOnlyDictionary<string, OperandKind> All { get; } = Build();

    /// <summary>The type-test operators, whose operand is a Boolean.</summary>
    public static IReadOnlySet<string> TypeTests { get; } = new HashSet<string> { "IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp" };

    private static Dictionary<string, OperandKind> Build()
    {
        var all = new Dictionary<string, OperandKind>(StringComparer.Ordinal);
        foreach (var relation in Relations)
        {
            all["String" + relation] = OperandKind.String;
            all["String" + relation + "Path"] = OperandKind.Path;
            all["Numeric" + relation] = OperandKind.Number;
            all["Numeric" + relation + "Path"] = OperandKind.Path;
            all["Timestamp" + relation] = OperandKind.Timestamp;
            all["Timestamp" + relation + "Path"] = OperandKind.Path;
        }
        all["StringMatches"] = OperandKind.String;
        all["BooleanEquals"] = OperandKind.Boolean;
        all["BooleanEqualsPath"] = OperandKind.Path;
        foreach (var test in new[] { "IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp" }) all[test] = OperandKind.Boolean;
        return all;
    }
}
