using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.LocalCloud.StepFunctions.Testing;

/// <summary>
/// The state machine TestState runs: the tested state first, and every state it can go to as a Succeed state that
/// ends the run at once, so the engine runs exactly one state and the next state's name is the one it entered.
/// The tested state runs without its Retry: TestState answers RETRIABLE rather than retrying.
/// </summary>
internal sealed record TestStateMachine(string Definition, string RunName, string StateName)
{
    /// <summary>
    /// The tested state as it was given, in a machine of its own with a Succeed state for each target: what a single
    /// state's definition is validated as, so its Next may name states that are not there.
    /// </summary>
    public static string Standalone(string stateName, JsonObject state)
    {
        var states = new JsonObject { [stateName] = state.DeepClone() };
        foreach (var target in Targets(state).Where(t => t != stateName).Distinct(StringComparer.Ordinal))
        {
            states[target] = new JsonObject { ["Type"] = "Succeed" };
        }

        return new JsonObject { ["StartAt"] = stateName, ["States"] = states }.ToJsonString();
    }

    /// <summary>Builds it from the tested state's definition, named <paramref name="stateName"/>.</summary>
    public static TestStateMachine For(string stateName, JsonObject state, bool mocked)
    {
        var run = state.DeepClone().AsObject();
        run.Remove("Retry");

        // A mocked callback or .sync task answers at once with the mock, as TestState does, so it runs as a plain call.
        if (mocked && Text(run["Resource"]) is { } resource)
        {
            foreach (var suffix in new[] { ".waitForTaskToken", ".sync:2", ".sync" })
            {
                if (resource.EndsWith(suffix, StringComparison.Ordinal))
                {
                    run["Resource"] = resource[..^suffix.Length];
                    break;
                }
            }
        }

        var targets = Targets(state).ToHashSet(StringComparer.Ordinal);

        // A state that can go to itself runs under another name, so the stub of its own name ends the run.
        var runName = targets.Contains(stateName) ? stateName + "~" : stateName;
        var states = new JsonObject { [runName] = run };
        foreach (var target in targets)
        {
            states[target] = new JsonObject { ["Type"] = "Succeed" };
        }

        var machine = new JsonObject { ["StartAt"] = runName, ["States"] = states };
        return new TestStateMachine(machine.ToJsonString(), runName, stateName);
    }

    /// <summary>Every state name a state can transition to: Next, Default, each Choice's and each Catch's Next.</summary>
    public static IEnumerable<string> Targets(JsonObject state)
    {
        if (Text(state["Next"]) is { } next)
        {
            yield return next;
        }

        if (Text(state["Default"]) is { } fallback)
        {
            yield return fallback;
        }

        foreach (var member in new[] { "Choices", "Catch" })
        {
            if (state[member] is JsonArray rules)
            {
                foreach (var rule in rules)
                {
                    if (rule is JsonObject fields && Text(fields["Next"]) is { } target)
                    {
                        yield return target;
                    }
                }
            }
        }
    }

    // Malformed members are the validator's to report; here they are simply no target.
    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
