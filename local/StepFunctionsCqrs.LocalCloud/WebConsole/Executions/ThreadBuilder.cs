using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>
/// One sequential thread of states as the fold finds it: the top level, a Parallel branch or a Map iteration. The engine
/// chains each event to the one before it in the same thread, which is how the fold tells concurrent threads apart.
/// </summary>
internal sealed class ThreadBuilder(string block, RunBuilder? parent, string label, int index, int attempt = 1)
{
    /// <summary>The node id of the block the thread runs (empty for the top level).</summary>
    public string Block { get; } = block;

    /// <summary>The Parallel or Map run the thread belongs to; null for the top level.</summary>
    public RunBuilder? Parent { get; } = parent;

    public string Label { get; } = label;

    public int Index { get; } = index;

    /// <summary>Which attempt of its Parallel or Map (counting retries) started the thread.</summary>
    public int Attempt { get; } = attempt;

    public List<RunBuilder> Runs { get; } = [];

    public RunBuilder? Current => Runs.Count > 0 ? Runs[^1] : null;

    /// <summary>MapIterationSucceeded, MapIterationFailed or MapIterationAborted, once the iteration reported its end.</summary>
    public string? EndType { get; private set; }

    /// <summary>Whether the thread can run no more states: its iteration ended, or its Parallel or Map closed.</summary>
    public bool Closed { get; private set; }

    public void End(HistoryEvent e)
    {
        EndType = e.Type;
        Closed = true;
    }

    public void Close() => Closed = true;
}
