namespace StepFunctionsCqrs.Asl.Validation;

/// <summary>Which fields each state type accepts in JSONPath mode.</summary>
internal static class StateFields
{
    private static readonly string[] Common = ["Type", "Comment", "QueryLanguage"];
    private static readonly string[] Flow = ["Next", "End"];
    private static readonly string[] Io = ["InputPath", "OutputPath"];
    private static readonly string[] Results = ["ResultPath", "Parameters", "ResultSelector", "Retry", "Catch"];

    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> ByType = new Dictionary<string, IReadOnlySet<string>>
    {
        ["Pass"] = Set(Common, Flow, Io, ["ResultPath", "Parameters", "Result", "Assign"]),
        ["Task"] = Set(Common, Flow, Io, Results, ["Resource", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials", "Assign"]),
        ["Choice"] = Set(Common, Io, ["Choices", "Default", "Assign"]),
        ["Wait"] = Set(Common, Flow, Io, ["Seconds", "SecondsPath", "Timestamp", "TimestampPath", "Assign"]),
        ["Succeed"] = Set(Common, Io),
        ["Fail"] = Set(Common, ["Error", "ErrorPath", "Cause", "CausePath"]),
        ["Parallel"] = Set(Common, Flow, Io, Results, ["Branches", "Assign"]),
        ["Map"] = Set(Common, Flow, Io, Results,
        [
            "ItemProcessor", "Iterator", "ItemsPath", "ItemSelector", "ItemReader", "ItemBatcher", "ResultWriter",
            "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailureCount", "ToleratedFailureCountPath",
            "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "Label", "Assign",
        ]),
    };

    /// <summary>Fields that exist only in JSONata mode, for a clearer message than "unknown field".</summary>
    public static readonly IReadOnlySet<string> JsonataOnly = new HashSet<string> { "Arguments", "Output", "Items", "Condition" };

    private static HashSet<string> Set(params string[][] groups) => new(groups.SelectMany(g => g), StringComparer.Ordinal);
}
