using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Execution;

namespace StepFunctionsCqrs.Asl.States.Succeed;

/// <summary>Succeed: ends its branch successfully; its output is its input after InputPath and OutputPath.</summary>
public sealed class SucceedState : State
{
    /// <summary>Builds the state from its definition.</summary>
    public SucceedState(string name, JsonObject definition) : base(name, definition)
    {
        InputPath = InputPathField.From(definition["InputPath"], definition.ContainsKey("InputPath"));
        OutputPath = OutputPathField.From(definition["OutputPath"], definition.ContainsKey("OutputPath"));
    }

    /// <inheritdoc />
    public override string Type => "Succeed";

    /// <summary>InputPath.</summary>
    public InputPathField InputPath { get; }

    /// <summary>OutputPath.</summary>
    public OutputPathField OutputPath { get; }

    internal override ValueTask<StateOutcome> ExecuteAsync(JsonNode? input, BranchScope scope)
    {
        var effective = InputPath.Apply(input, scope);
        scope.Run.Observer?.OnStep(Name, StateStep.AfterInputPath, effective);
        var output = OutputPath.Apply(effective, scope);
        return new ValueTask<StateOutcome>(new StateOutcome(output, null));
    }
}
