using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Execution;
using StepFunctionsCqrs.Asl.History;
using StepFunctionsCqrs.Asl.Internal;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.States.Map;

/// <summary>Map: runs the ItemProcessor once per item of the array at ItemsPath; the output is the array of iteration outputs in item order.</summary>
public sealed class MapState : State
{
    private readonly RetryPolicy? _retry;
    private readonly CatchPolicy? _catch;
    private readonly JsonPath? _itemsPath;
    private readonly bool _hasItemReader;

    /// <summary>Builds the state from its definition and its already-parsed processor, Retry and Catch.</summary>
    public MapState(string name, JsonObject definition, StatesBlock processor, ProcessorMode mode, RetryPolicy? retry, CatchPolicy? @catch) : base(name, definition)
    {
        InputPath = InputPathField.From(definition["InputPath"], definition.ContainsKey("InputPath"));
        OutputPath = OutputPathField.From(definition["OutputPath"], definition.ContainsKey("OutputPath"));
        ResultPath = ResultPathField.From(definition["ResultPath"], definition.ContainsKey("ResultPath"));
        ItemSelector = PayloadTemplate.CompileIfPresent(definition, "ItemSelector") ?? PayloadTemplate.CompileIfPresent(definition, "Parameters");
        ResultSelector = PayloadTemplate.CompileIfPresent(definition, "ResultSelector");
        if (definition["ItemsPath"] is JsonValue itemsPath && itemsPath.GetValue<string>() != "$") _itemsPath = JsonPath.Parse(itemsPath.GetValue<string>());
        MaxConcurrency = CountSetting.From(definition, "MaxConcurrency");
        Tolerance = FailureTolerance.From(definition);
        Batcher = definition["ItemBatcher"] is JsonObject batcher ? new ItemBatcher(batcher) : null;
        _hasItemReader = definition.ContainsKey("ItemReader");
        Processor = processor;
        Mode = mode;
        _retry = retry;
        _catch = @catch;
    }

    /// <inheritdoc />
    public override string Type => "Map";

    /// <summary>The states run for each item.</summary>
    public StatesBlock Processor { get; }

    /// <summary>INLINE or DISTRIBUTED.</summary>
    public ProcessorMode Mode { get; }

    /// <summary>InputPath.</summary>
    public InputPathField InputPath { get; }

    /// <summary>OutputPath.</summary>
    public OutputPathField OutputPath { get; }

    /// <summary>ResultPath.</summary>
    public ResultPathField ResultPath { get; }

    /// <summary>ItemSelector (or the legacy Parameters), or null.</summary>
    public PayloadTemplate? ItemSelector { get; }

    /// <summary>ResultSelector, or null.</summary>
    public PayloadTemplate? ResultSelector { get; }

    /// <summary>MaxConcurrency/MaxConcurrencyPath; 0 or absent means no limit.</summary>
    public CountSetting MaxConcurrency { get; }

    /// <summary>ToleratedFailureCount/Percentage (Distributed only).</summary>
    public FailureTolerance Tolerance { get; }

    /// <summary>ItemBatcher (Distributed only), or null.</summary>
    public ItemBatcher? Batcher { get; }

    /// <inheritdoc />
    public override RetryPolicy? Retry => _retry;

    /// <inheritdoc />
    public override CatchPolicy? Catch => _catch;

    internal override async ValueTask<StateOutcome> ExecuteAsync(JsonNode? input, BranchScope scope)
    {
        var effective = InputPath.Apply(input, scope);
        if (_hasItemReader)
        {
            throw new StatesException(ErrorNames.ItemReaderFailed, $"Map state '{Name}' uses ItemReader, which reads from Amazon S3; the local engine only iterates over items in the state input.");
        }
        var items = SelectItems(effective, scope);
        var iterationInputs = new List<JsonNode?>(items.Count);
        BranchScope? selectorScope = null;
        for (var i = 0; i < items.Count; i++)
        {
            if (ItemSelector is null)
            {
                iterationInputs.Add(items[i]?.DeepClone());
                continue;
            }
            var item = new MapItemContext(i, items[i]);
            if (selectorScope is null)
            {
                selectorScope = scope.Child(scope.Variables, item, scope.LastEventId, scope.Token);
                selectorScope.EnterState(Name, scope.Run.Time.GetUtcNow(), scope.RetryCount);
            }
            else
            {
                selectorScope.SetMapItem(item);
            }
            iterationInputs.Add(ItemSelector.Evaluate(effective, selectorScope));
        }
        if (Batcher is not null) iterationInputs = Batcher.Batch(iterationInputs, effective, scope);

        var distributed = Mode == ProcessorMode.Distributed;
        var limits = distributed ? Tolerance.Resolve(effective, scope) : (0, null);
        var concurrency = MaxConcurrency.Resolve(effective, scope) is { } c && c >= 1 ? (int)c : int.MaxValue;

        var started = distributed
            ? scope.Record(HistoryEventType.MapRunStarted, null)
            : scope.Record(HistoryEventType.MapStateStarted, new MapStateStartedEventDetails(iterationInputs.Count));
        var run = new MapRun(this, scope, iterationInputs, started, limits, distributed);
        await run.RunAsync(Math.Min(concurrency, Math.Max(iterationInputs.Count, 1))).ConfigureAwait(false);
        scope.Token.ThrowIfCancellationRequested();

        if (run.Failure is { } error)
        {
            scope.Record(distributed ? HistoryEventType.MapRunFailed : HistoryEventType.MapStateFailed, null);
            throw error;
        }
        scope.Record(distributed ? HistoryEventType.MapRunSucceeded : HistoryEventType.MapStateSucceeded, null);

        JsonNode? result = new JsonArray(run.Results);
        if (ResultSelector is not null) result = ResultSelector.Evaluate(result, scope);
        Assign?.Apply(result, scope);
        return new StateOutcome(OutputPath.Apply(ResultPath.Apply(input, result), scope), Transition.Next);
    }

    private IReadOnlyList<JsonNode?> SelectItems(JsonNode? effective, BranchScope scope)
    {
        JsonNode? selected;
        if (_itemsPath is null)
        {
            selected = effective;
        }
        else
        {
            try
            {
                selected = _itemsPath.Select(scope.Scope(effective, _itemsPath.Text.StartsWith("$$", StringComparison.Ordinal)));
            }
            catch (StatesException e)
            {
                throw new StatesException(ErrorNames.Runtime, $"Map state '{Name}': ItemsPath '{_itemsPath.Text}' could not be resolved: {e.Cause}");
            }
        }
        if (selected is JsonArray array) return array.ToList();
        throw new StatesException(ErrorNames.Runtime,
            $"Map state '{Name}': ItemsPath '{_itemsPath?.Text ?? "$"}' must select an array, but selected {NodeOwnership.KindOf(selected)}.");
    }
}
