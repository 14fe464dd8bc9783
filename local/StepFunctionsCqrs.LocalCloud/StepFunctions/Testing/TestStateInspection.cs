using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl;

namespace StepFunctionsCqrs.LocalCloud.StepFunctions.Testing;

/// <summary>
/// Collects the tested state's processing steps from the engine as it runs them, as TestState's inspection data
/// names them. Each value is written down as JSON text at once, since the engine goes on using its nodes.
/// </summary>
internal sealed class TestStateInspection(string stateName) : IStateObserver
{
    private readonly Dictionary<StateStep, string> steps = [];

    /// <summary>The last error the tested state raised, or null.</summary>
    public (string Error, string? Cause)? Error { get; private set; }

    /// <inheritdoc />
    public void OnStep(string stateName1, StateStep step, JsonNode? value)
    {
        if (stateName1 == stateName)
        {
            steps[step] = value?.ToJsonString() ?? "null";
        }
    }

    /// <inheritdoc />
    public void OnError(string stateName1, string error, string? cause)
    {
        if (stateName1 == stateName)
        {
            Error = (error, cause);
        }
    }

    /// <summary>The inspectionData member: the state input, then each step the state took, by AWS's names.</summary>
    public JsonObject ToInspectionData(string input)
    {
        var data = new JsonObject { ["input"] = input };
        foreach (var (step, member) in Members)
        {
            if (steps.TryGetValue(step, out var value))
            {
                data[member] = value;
            }
        }

        return data;
    }

    private static readonly (StateStep Step, string Member)[] Members =
    [
        (StateStep.AfterInputPath, "afterInputPath"),
        (StateStep.AfterParameters, "afterParameters"),
        (StateStep.Result, "result"),
        (StateStep.AfterResultSelector, "afterResultSelector"),
        (StateStep.AfterResultPath, "afterResultPath"),
        (StateStep.Variables, "variables"),
    ];
}
