namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>
/// The status of every graph node, by id: a state takes the most telling status of its runs, a group that of its
/// branches or iterations; a block's start node succeeded once the block started, its end node once the block reached it.
/// </summary>
internal sealed class GraphStatuses
{
    private readonly Dictionary<string, string> byNode = new(StringComparer.Ordinal);
    private readonly StatusRules statuses;

    public GraphStatuses(HistoryFold fold, StatusRules statuses)
    {
        this.statuses = statuses;
        if (fold.Started is not null || fold.Root.Runs.Count > 0)
        {
            Mark(NodeIds.Start(NodeIds.Root), RunStatus.Succeeded);
        }

        if (fold.Ended?.Type == "ExecutionSucceeded")
        {
            Mark(NodeIds.End(NodeIds.Root), RunStatus.Succeeded);
        }

        AddRuns(fold.Root);
    }

    public string Of(string nodeId) => byNode.GetValueOrDefault(nodeId, RunStatus.NotRun);

    private void AddRuns(ThreadBuilder thread)
    {
        foreach (var run in thread.Runs)
        {
            Mark(run.NodeId, statuses.Of(run));
            foreach (var group in run.Groups)
            {
                var status = statuses.Of(group);
                Mark(group.Block, status);
                Mark(NodeIds.Start(group.Block), RunStatus.Succeeded);
                if (status == RunStatus.Succeeded)
                {
                    Mark(NodeIds.End(group.Block), RunStatus.Succeeded);
                }

                AddRuns(group);
            }
        }
    }

    private void Mark(string nodeId, string status) =>
        byNode[nodeId] = byNode.TryGetValue(nodeId, out var seen) ? RunStatus.MostTelling(seen, status) : status;
}
