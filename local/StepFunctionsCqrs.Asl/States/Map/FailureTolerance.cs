using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Execution;

namespace StepFunctionsCqrs.Asl.States.Map;

/// <summary>ToleratedFailureCount and ToleratedFailurePercentage of a Distributed Map: exceeding either fails the Map.</summary>
public sealed class FailureTolerance(CountSetting count, CountSetting percentage)
{
    /// <summary>Reads both settings from the Map state's definition.</summary>
    public static FailureTolerance From(JsonObject definition) =>
        new(CountSetting.From(definition, "ToleratedFailureCount"), CountSetting.From(definition, "ToleratedFailurePercentage"));

    internal (double? Count, double? Percentage) Resolve(JsonNode? input, BranchScope scope)
    {
        var c = count.Resolve(input, scope);
        var p = percentage.Resolve(input, scope);
        // With neither given, no failure is tolerated.
        return c is null && p is null ? (0, null) : (c, p);
    }

    internal static bool Exceeded((double? Count, double? Percentage) limits, int failed, int total) =>
        (limits.Count is { } c && failed > c) || (limits.Percentage is { } p && total > 0 && failed * 100.0 / total > p);
}
