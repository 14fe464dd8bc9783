using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Execution;

namespace StepFunctionsCqrs.Asl.States.Choice;

/// <summary>Choice: goes to the Next of the first rule that matches, else Default, else fails with States.NoChoiceMatched.</summary>
public sealed class ChoiceState : State
{
    /// <summary>Builds the state from its definition.</summary>
    public ChoiceState(string name, JsonObject definition) : base(name, definition)
    {
        InputPath = InputPathField.From(definition["InputPath"], definition.ContainsKey("InputPath"));
        OutputPath = OutputPathField.From(definition["OutputPath"], definition.ContainsKey("OutputPath"));
        Default = definition["Default"]?.GetValue<string>();
        Choices = definition["Choices"]!.AsArray()
            .Select(r => new ChoiceRule(ChoiceConditionFactory.Create(r!.AsObject()), r["Next"]!.GetValue<string>(), AssignField.CompileIfPresent(r.AsObject())))
            .ToList();
    }

    /// <inheritdoc />
    public override string Type => "Choice";

    /// <summary>InputPath.</summary>
    public InputPathField InputPath { get; }

    /// <summary>OutputPath.</summary>
    public OutputPathField OutputPath { get; }

    /// <summary>The rules, in order.</summary>
    public IReadOnlyList<ChoiceRule> Choices { get; }

    /// <summary>The state to go to when no rule matches, or null.</summary>
    public string? Default { get; }

    internal override ValueTask<StateOutcome> ExecuteAsync(JsonNode? input, BranchScope scope)
    {
        var effective = InputPath.Apply(input, scope);
        scope.Run.Observer?.OnStep(Name, StateStep.AfterInputPath, effective);
        foreach (var rule in Choices)
        {
            if (!rule.Condition.Evaluate(effective, scope)) continue;
            rule.Assign?.Apply(effective, scope);
            return new ValueTask<StateOutcome>(new StateOutcome(OutputPath.Apply(effective, scope), rule.Next));
        }
        if (Default is null)
        {
            throw new StatesException(ErrorNames.NoChoiceMatched, $"No Choice rule of state '{Name}' matched and it has no Default.");
        }
        Assign?.Apply(effective, scope);
        return new ValueTask<StateOutcome>(new StateOutcome(OutputPath.Apply(effective, scope), Default));
    }
}
