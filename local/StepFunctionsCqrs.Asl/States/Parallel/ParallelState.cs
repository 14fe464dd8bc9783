using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Execution;
using StepFunctionsCqrs.Asl.History;

namespace StepFunctionsCqrs.Asl.States.Parallel;

/// <summary>Parallel: runs every branch on a copy of the input; the output is the array of branch outputs. A failing branch fails the state with its own error.</summary>
public sealed class ParallelState : State
{
    private readonly RetryPolicy? _retry;
    private readonly CatchPolicy? _catch;

    /// <summary>Builds the state from its definition and its already-parsed branches, Retry and Catch.</summary>
    public ParallelState(string name, JsonObject definition, IReadOnlyList<StatesBlock> branches, RetryPolicy? retry, CatchPolicy? @catch) : base(name, definition)
    {
        InputPath = InputPathField.From(definition["InputPath"], definition.ContainsKey("InputPath"));
        OutputPath = OutputPathField.From(definition["OutputPath"], definition.ContainsKey("OutputPath"));
        ResultPath = ResultPathField.From(definition["ResultPath"], definition.ContainsKey("ResultPath"));
        Parameters = PayloadTemplate.CompileIfPresent(definition, "Parameters");
        ResultSelector = PayloadTemplate.CompileIfPresent(definition, "ResultSelector");
        Branches = branches;
        _retry = retry;
        _catch = @catch;
    }

    /// <inheritdoc />
    public override string Type => "Parallel";

    /// <summary>The branches, in order.</summary>
    public IReadOnlyList<StatesBlock> Branches { get; }

    /// <summary>InputPath.</summary>
    public InputPathField InputPath { get; }

    /// <summary>OutputPath.</summary>
    public OutputPathField OutputPath { get; }

    /// <summary>ResultPath.</summary>
    public ResultPathField ResultPath { get; }

    /// <summary>Parameters, or null.</summary>
    public PayloadTemplate? Parameters { get; }

    /// <summary>ResultSelector, or null.</summary>
    public PayloadTemplate? ResultSelector { get; }

    /// <inheritdoc />
    public override RetryPolicy? Retry => _retry;

    /// <inheritdoc />
    public override CatchPolicy? Catch => _catch;

    internal override async ValueTask<StateOutcome> ExecuteAsync(JsonNode? input, BranchScope scope)
    {
        var effective = InputPath.Apply(input, scope);
        if (Parameters is not null) effective = Parameters.Evaluate(effective, scope);
        var started = scope.Record(HistoryEventType.ParallelStateStarted, null);

        var results = new JsonNode?[Branches.Count];
        var failure = new BranchFailure();
        using var siblings = CancellationTokenSource.CreateLinkedTokenSource(scope.Token);
        List<Task>? pending = null;
        for (var i = 0; i < Branches.Count; i++)
        {
            var child = scope.Child(new VariableScope(scope.Variables), null, started, siblings.Token);
            var run = RunBranchAsync(Branches[i], effective?.DeepClone(), child, results, i, failure, siblings);
            if (!run.IsCompleted) (pending ??= []).Add(run.AsTask());
        }
        if (pending is not null) await Task.WhenAll(pending).ConfigureAwait(false);
        scope.Token.ThrowIfCancellationRequested();

        if (failure.First is { } error)
        {
            scope.Record(HistoryEventType.ParallelStateFailed, null);
            throw error;
        }
        scope.Record(HistoryEventType.ParallelStateSucceeded, null);

        JsonNode? result = new JsonArray(results);
        if (ResultSelector is not null) result = ResultSelector.Evaluate(result, scope);
        Assign?.Apply(result, scope);
        return new StateOutcome(OutputPath.Apply(ResultPath.Apply(input, result), scope), Transition.Next);
    }

    private static async ValueTask RunBranchAsync(StatesBlock branch, JsonNode? input, BranchScope child, JsonNode?[] results, int index, BranchFailure failure, CancellationTokenSource siblings)
    {
        try
        {
            results[index] = await BranchRunner.RunAsync(branch, input, child).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (siblings.IsCancellationRequested)
        {
            // Another branch failed, or the execution was stopped; either is reported elsewhere.
        }
        catch (Exception e) when (failure.TryRecord(e))
        {
            siblings.Cancel();
        }
    }
}
