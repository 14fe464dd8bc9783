using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Execution;

namespace StepFunctionsCqrs.Asl.States;

/// <summary>A state of the machine: the fields every type shares, and how to run it once.</summary>
public abstract class State
{
    /// <summary>Reads the shared fields from the state's definition.</summary>
    protected State(string name, JsonObject definition)
    {
        Name = name;
        Comment = definition["Comment"]?.GetValue<string>();
        Transition = definition["Next"] is { } next ? new Transition(next.GetValue<string>()) : Transition.End;
        Assign = AssignField.CompileIfPresent(definition);
    }

    /// <summary>The state's name.</summary>
    public string Name { get; }

    /// <summary>The Type field, e.g. "Task".</summary>
    public abstract string Type { get; }

    /// <summary>The Comment field.</summary>
    public string? Comment { get; }

    /// <summary>Next/End.</summary>
    public Transition Transition { get; }

    /// <summary>Assign, or null.</summary>
    public AssignField? Assign { get; }

    /// <summary>The Retry field; only Task, Parallel and Map have one.</summary>
    public virtual RetryPolicy? Retry => null;

    /// <summary>The Catch field; only Task, Parallel and Map have one.</summary>
    public virtual CatchPolicy? Catch => null;

    /// <summary>The history event type recorded when the state is entered.</summary>
    internal string EnteredEventType => _entered ??= History.HistoryEventType.Entered(Type);

    /// <summary>The history event type recorded when the state exits.</summary>
    internal string ExitedEventType => _exited ??= History.HistoryEventType.Exited(Type);

    private string? _entered;
    private string? _exited;

    /// <summary>Runs the state once with its raw input. Errors are thrown as StatesException.</summary>
    internal abstract ValueTask<StateOutcome> ExecuteAsync(JsonNode? input, BranchScope scope);
}
