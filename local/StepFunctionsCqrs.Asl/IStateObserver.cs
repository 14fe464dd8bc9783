using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl;

/// <summary>
/// Told each input and output processing step of every state as the engine takes it, and each error a state raises
/// before Retry and Catch see it: what TestState's inspection data is made of. Values are the engine's own nodes, which
/// it goes on using: read or copy them at once, never keep or change them.
/// </summary>
public interface IStateObserver
{
    /// <summary>The value <paramref name="stateName"/> holds after <paramref name="step"/>.</summary>
    void OnStep(string stateName, StateStep step, JsonNode? value);

    /// <summary>An error <paramref name="stateName"/> raised, before its Retry and Catch are applied.</summary>
    void OnError(string stateName, string error, string? cause);
}
