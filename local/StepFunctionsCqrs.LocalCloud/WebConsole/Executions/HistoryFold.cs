using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>
/// Folds a history into threads of state runs. Each event goes to the thread of the event it names as previous, except
/// where the engine opens or closes a thread: the first state of a Parallel branch follows ParallelStateStarted, a Map
/// iteration starts with MapIterationStarted, and a Parallel's or Map's closing event follows the last event of one of
/// its threads. Events it cannot place go to the top level; nothing in a history makes it throw.
/// </summary>
internal sealed class HistoryFold
{
    private const string Entered = "StateEntered";
    private readonly DefinitionIndex definition;
    private readonly Dictionary<long, HistoryEvent> events = [];
    private readonly Dictionary<long, ThreadBuilder> threadOf = [];

    private HistoryFold(DefinitionIndex definition) => this.definition = definition;

    public ThreadBuilder Root { get; } = new(NodeIds.Root, null, "", 0);

    public HistoryEvent? Started { get; private set; }

    /// <summary>ExecutionSucceeded, ExecutionFailed, ExecutionTimedOut or ExecutionAborted, once the execution ended.</summary>
    public HistoryEvent? Ended { get; private set; }

    /// <summary>The earliest time in the history: the execution's start, or the first event of a history missing it.</summary>
    public DateTimeOffset Origin { get; private set; }

    public int Transitions { get; private set; }

    public static HistoryFold Of(DefinitionIndex definition, IReadOnlyList<HistoryEvent> history)
    {
        var fold = new HistoryFold(definition);
        var ordered = history.OrderBy(e => e.Id).ToList();
        fold.Origin = ordered.Count == 0 ? default : ordered[0].Timestamp;
        foreach (var e in ordered)
        {
            fold.Add(e);
        }

        fold.Origin = fold.Started?.Timestamp ?? fold.Origin;
        return fold;
    }

    /// <summary>Whether the thread can run no more states.</summary>
    public bool HasEnded(ThreadBuilder thread) =>
        Ended is not null || thread.Closed || (thread.Parent is { } parent && HasEnded(parent.Thread));

    private void Add(HistoryEvent e)
    {
        if (!events.TryAdd(e.Id, e))
        {
            return;
        }

        var previous = threadOf.GetValueOrDefault(e.PreviousEventId);
        var thread = previous ?? Root;
        switch (e.Type)
        {
            case "ExecutionStarted":
                Started ??= e;
                thread = Root;
                break;
            case "ExecutionSucceeded" or "ExecutionFailed" or "ExecutionTimedOut" or "ExecutionAborted":
                Ended = e;
                thread = Root;
                break;
            case "MapIterationStarted":
                thread = StartIteration(e, previous) ?? thread;
                break;
            case "MapIterationSucceeded" or "MapIterationFailed" or "MapIterationAborted":
                if (thread.Parent is not null)
                {
                    thread.End(e);
                }

                break;
            case "ParallelStateSucceeded" or "ParallelStateFailed":
                thread = CloseGroups(e, previous, "Parallel");
                break;
            case "MapStateSucceeded" or "MapStateFailed" or "MapRunSucceeded" or "MapRunFailed":
                thread = CloseGroups(e, previous, "Map");
                break;
            default:
                if (e.Type.EndsWith(Entered, StringComparison.Ordinal))
                {
                    thread = Enter(e, previous);
                }
                else
                {
                    Attach(e, thread.Current);
                }

                break;
        }

        threadOf[e.Id] = thread;
    }

    private ThreadBuilder Enter(HistoryEvent e, ThreadBuilder? previous)
    {
        var name = EventDetails.String(e, "name") ?? "?";
        var thread = previous ?? Root;
        if (events.TryGetValue(e.PreviousEventId, out var before) && before.Type == "ParallelStateStarted"
            && previous?.Current is { StateType: "Parallel", GroupsOpen: true } parallel)
        {
            thread = StartBranch(parallel, name);
        }

        thread.Runs.Add(new RunBuilder(name, e.Type[..^Entered.Length], NodeIds.State(thread.Block, name), e, thread));
        Transitions++;
        return thread;
    }

    // Branches carry no index in the history: the branch is the one whose StartAt the first state is, in definition order.
    private ThreadBuilder StartBranch(RunBuilder parallel, string firstState)
    {
        var used = parallel.Groups.Where(g => g.Attempt == parallel.GroupAttempts).Select(g => g.Index).ToHashSet();
        var count = definition.BranchCount(parallel.NodeId);
        var index = Enumerable.Range(0, count).Where(i => !used.Contains(i)).FirstOrDefault(i => definition.BranchStart(parallel.NodeId, i) == firstState, -1);
        if (index < 0)
        {
            index = Enumerable.Range(0, count + used.Count + 1).First(i => !used.Contains(i));
        }

        var label = parallel.GroupAttempts > 1 ? $"Branch {index + 1} (attempt {parallel.GroupAttempts})" : $"Branch {index + 1}";
        var branch = new ThreadBuilder(NodeIds.Branch(parallel.NodeId, index), parallel, label, index, parallel.GroupAttempts);
        parallel.Groups.Add(branch);
        return branch;
    }

    private static ThreadBuilder? StartIteration(HistoryEvent e, ThreadBuilder? previous)
    {
        if (previous?.Current is not { StateType: "Map", GroupsOpen: true } map)
        {
            return null;
        }

        var index = EventDetails.Int(e, "index") ?? map.Groups.Count(g => g.Attempt == map.GroupAttempts);
        var label = map.GroupAttempts > 1 ? $"Iteration {index} (attempt {map.GroupAttempts})" : $"Iteration {index}";
        var iteration = new ThreadBuilder(NodeIds.Iterator(map.NodeId), map, label, index, map.GroupAttempts);
        map.Groups.Add(iteration);
        return iteration;
    }

    // The closing event follows the last event of one of the state's threads, which may sit at any depth below it.
    private ThreadBuilder CloseGroups(HistoryEvent e, ThreadBuilder? previous, string stateType)
    {
        for (var thread = previous; thread is not null; thread = thread.Parent?.Thread)
        {
            if (thread.Current is { GroupsOpen: true } run && run.StateType == stateType)
            {
                run.Saw(e);
                run.EndGroups(failed: e.Type.EndsWith("Failed", StringComparison.Ordinal));
                return thread;
            }
        }

        return previous ?? Root;
    }

    private static void Attach(HistoryEvent e, RunBuilder? run)
    {
        if (run is null)
        {
            return;
        }

        run.Saw(e);
        var type = e.Type;
        if (type.EndsWith("StateExited", StringComparison.Ordinal))
        {
            run.Exit(e);
        }
        else if (type.EndsWith("StateAborted", StringComparison.Ordinal))
        {
            run.Abort(e);
        }
        else if (type is "ParallelStateStarted" or "MapStateStarted" or "MapRunStarted")
        {
            run.StartGroups();
        }
        else if (!(type.StartsWith("LambdaFunction", StringComparison.Ordinal) || type.StartsWith("Task", StringComparison.Ordinal) || type.StartsWith("Activity", StringComparison.Ordinal)))
        {
            return;
        }
        else if (type.EndsWith("Scheduled", StringComparison.Ordinal))
        {
            run.Schedule(e);
        }
        else if (type.EndsWith("Succeeded", StringComparison.Ordinal))
        {
            run.EndAttempt(e, AttemptOutcomes.Succeeded);
        }
        else if (type.EndsWith("TimedOut", StringComparison.Ordinal))
        {
            run.EndAttempt(e, AttemptOutcomes.TimedOut);
        }
        else if (type.EndsWith("Failed", StringComparison.Ordinal))
        {
            run.EndAttempt(e, AttemptOutcomes.Failed);
        }
    }
}
