using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>One state run as the fold finds it, from its StateEntered event to its StateExited event (when it came).</summary>
internal sealed class RunBuilder(string name, string stateType, string nodeId, HistoryEvent entered, ThreadBuilder thread)
{
    public string Name { get; } = name;

    public string StateType { get; } = stateType;

    public string NodeId { get; } = nodeId;

    public HistoryEvent Entered { get; } = entered;

    public ThreadBuilder Thread { get; } = thread;

    public HistoryEvent LastEvent { get; private set; } = entered;

    public HistoryEvent? Exited { get; private set; }

    public HistoryEvent? Aborted { get; private set; }

    public List<AttemptBuilder> Attempts { get; } = [];

    /// <summary>Parallel branches and Map iterations, over every attempt of the state.</summary>
    public List<ThreadBuilder> Groups { get; } = [];

    /// <summary>How many times a Parallel or Map started its branches or iterations.</summary>
    public int GroupAttempts { get; private set; }

    /// <summary>Whether the branches or iterations of the latest attempt run still.</summary>
    public bool GroupsOpen { get; private set; }

    /// <summary>How many attempts of a Parallel or Map failed.</summary>
    public int GroupFailures { get; private set; }

    public bool LastGroupAttemptFailed { get; private set; }

    public void Saw(HistoryEvent e)
    {
        if (e.Id > LastEvent.Id)
        {
            LastEvent = e;
        }
    }

    public void Schedule(HistoryEvent e) => Attempts.Add(new AttemptBuilder(e));

    public void EndAttempt(HistoryEvent e, string outcome)
    {
        if (Attempts.Count > 0 && Attempts[^1].Ended is null)
        {
            Attempts[^1].End(e, outcome);
        }
    }

    public void Exit(HistoryEvent e) => Exited = e;

    public void Abort(HistoryEvent e)
    {
        Aborted = e;
        if (GroupsOpen)
        {
            // An aborted Parallel or Map records no closing event; its threads end here.
            GroupsOpen = false;
            foreach (var group in Groups)
            {
                group.Close();
            }
        }

        if (Attempts.Count > 0)
        {
            Attempts[^1].Abort(e);
        }
    }

    public void StartGroups()
    {
        GroupAttempts++;
        GroupsOpen = true;
    }

    public void EndGroups(bool failed)
    {
        GroupsOpen = false;
        LastGroupAttemptFailed = failed;
        if (failed)
        {
            GroupFailures++;
        }

        foreach (var group in Groups)
        {
            group.Close();
        }
    }
}
