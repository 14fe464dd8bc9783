namespace StepFunctionsCqrs.Asl.States;

/// <summary>StartAt plus States: the top level, a Parallel branch or a Map's ItemProcessor.</summary>
public sealed class StatesBlock(string startAt, IReadOnlyDictionary<string, State> states)
{
    /// <summary>The name of the first state.</summary>
    public string StartAt { get; } = startAt;

    /// <summary>The states by name.</summary>
    public IReadOnlyDictionary<string, State> States { get; } = states;

    /// <summary>The first state.</summary>
    public State Start => States[StartAt];
}
