using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>Every state of a definition, nested ones included, by its graph node id.</summary>
internal sealed class DefinitionIndex
{
    private readonly Dictionary<string, JsonObject> states = new(StringComparer.Ordinal);

    public DefinitionIndex(JsonObject? definition) => Add(definition, NodeIds.Root);

    public JsonObject? Find(string nodeId) => states.GetValueOrDefault(nodeId);

    /// <summary>The StartAt of a Parallel state's branch, or null.</summary>
    public string? BranchStart(string parallelId, int index) =>
        Find(parallelId)?["Branches"] is JsonArray branches && index < branches.Count ? JsonText.Of(branches[index]?["StartAt"]) : null;

    /// <summary>The number of branches of a Parallel state, or 0.</summary>
    public int BranchCount(string parallelId) => Find(parallelId)?["Branches"] is JsonArray branches ? branches.Count : 0;

    private void Add(JsonObject? block, string prefix)
    {
        foreach (var (name, value) in block?["States"] as JsonObject ?? [])
        {
            if (value is not JsonObject state)
            {
                continue;
            }

            var id = NodeIds.State(prefix, name);
            states[id] = state;
            if (state["Branches"] is JsonArray branches)
            {
                for (var i = 0; i < branches.Count; i++)
                {
                    Add(branches[i] as JsonObject, NodeIds.Branch(id, i));
                }
            }

            if ((state["ItemProcessor"] ?? state["Iterator"]) is JsonObject processor)
            {
                Add(processor, NodeIds.Iterator(id));
            }
        }
    }
}
