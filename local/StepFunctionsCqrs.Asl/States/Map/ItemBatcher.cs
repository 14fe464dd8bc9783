using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Execution;

namespace StepFunctionsCqrs.Asl.States.Map;

/// <summary>ItemBatcher: groups items into {"Items": [...], "BatchInput": ...} inputs for the iterations.</summary>
public sealed class ItemBatcher
{
    private readonly CountSetting _maxItems;
    private readonly CountSetting _maxBytes;
    private readonly PayloadTemplate? _batchInput;

    /// <summary>Builds the batcher from the ItemBatcher object.</summary>
    public ItemBatcher(JsonObject definition)
    {
        _maxItems = CountSetting.From(definition, "MaxItemsPerBatch");
        _maxBytes = CountSetting.From(definition, "MaxInputBytesPerBatch");
        _batchInput = PayloadTemplate.CompileIfPresent(definition, "BatchInput");
    }

    internal List<JsonNode?> Batch(IReadOnlyList<JsonNode?> items, JsonNode? input, BranchScope scope)
    {
        var maxItems = _maxItems.Resolve(input, scope) is { } m && m >= 1 ? (int)m : int.MaxValue;
        var maxBytes = _maxBytes.Resolve(input, scope) is { } b && b >= 1 ? (long)b : 256 * 1024;
        var batchInput = _batchInput?.Evaluate(input, scope);
        var batches = new List<JsonNode?>();
        JsonArray? current = null;
        long bytes = 0;
        foreach (var item in items)
        {
            var size = item?.ToJsonString().Length ?? 4;
            if (current is not null && (current.Count >= maxItems || bytes + size > maxBytes))
            {
                batches.Add(Wrap(current, batchInput));
                current = null;
            }
            if (current is null)
            {
                current = [];
                bytes = 0;
            }
            current.Add(Internal.NodeOwnership.Detached(item));
            bytes += size;
        }
        if (current is not null) batches.Add(Wrap(current, batchInput));
        return batches;
    }

    private static JsonObject Wrap(JsonArray items, JsonNode? batchInput)
    {
        var batch = new JsonObject { ["Items"] = items };
        if (batchInput is not null) batch["BatchInput"] = batchInput.DeepClone();
        return batch;
    }
}
