using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Execution;

namespace StepFunctionsCqrs.Asl.States.Pass;

/// <summary>Pass: passes its input (or a fixed Result) to its output, like a task that does nothing.</summary>
public sealed class PassState : State
{
    private readonly JsonNode? _result;
    private readonly bool _hasResult;

    /// <summary>Builds the state from its definition.</summary>
    public PassState(string name, JsonObject definition) : base(name, definition)
    {
        InputPath = InputPathField.From(definition["InputPath"], definition.ContainsKey("InputPath"));
        OutputPath = OutputPathField.From(definition["OutputPath"], definition.ContainsKey("OutputPath"));
        ResultPath = ResultPathField.From(definition["ResultPath"], definition.ContainsKey("ResultPath"));
        Parameters = PayloadTemplate.CompileIfPresent(definition, "Parameters");
        _hasResult = definition.TryGetPropertyValue("Result", out var result);
        _result = result?.DeepClone();
    }

    /// <inheritdoc />
    public override string Type => "Pass";

    /// <summary>InputPath.</summary>
    public InputPathField InputPath { get; }

    /// <summary>OutputPath.</summary>
    public OutputPathField OutputPath { get; }

    /// <summary>ResultPath.</summary>
    public ResultPathField ResultPath { get; }

    /// <summary>Parameters, or null.</summary>
    public PayloadTemplate? Parameters { get; }

    internal override ValueTask<StateOutcome> ExecuteAsync(JsonNode? input, BranchScope scope)
    {
        var effective = InputPath.Apply(input, scope);
        var observer = scope.Run.Observer;
        observer?.OnStep(Name, StateStep.AfterInputPath, effective);
        if (Parameters is not null) effective = Parameters.Evaluate(effective, scope);
        observer?.OnStep(Name, StateStep.AfterParameters, effective);
        var result = _hasResult ? _result?.DeepClone() : effective;
        observer?.OnStep(Name, StateStep.Result, result);
        Assign?.Apply(result, scope);
        var placed = ResultPath.Apply(input, result);
        observer?.OnStep(Name, StateStep.AfterResultPath, placed);
        var output = OutputPath.Apply(placed, scope);
        return new ValueTask<StateOutcome>(new StateOutcome(output, Transition.Next));
    }
}
