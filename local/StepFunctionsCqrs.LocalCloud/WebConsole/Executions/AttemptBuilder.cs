using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>One task scheduling as the fold finds it: the Scheduled event and, once it came, the event that ended it.</summary>
internal sealed class AttemptBuilder(HistoryEvent scheduled)
{
    public HistoryEvent Scheduled { get; } = scheduled;

    public HistoryEvent? Ended { get; private set; }

    public string Outcome { get; private set; } = AttemptOutcomes.Running;

    public string? Error { get; private set; }

    public string? Cause { get; private set; }

    public bool Failed => Outcome is AttemptOutcomes.Failed or AttemptOutcomes.TimedOut;

    public void End(HistoryEvent e, string outcome)
    {
        Ended = e;
        Outcome = outcome;
        Error = EventDetails.String(e, "error");
        Cause = EventDetails.String(e, "cause");
    }

    public void Abort(HistoryEvent e)
    {
        if (Ended is null)
        {
            Ended = e;
            Outcome = AttemptOutcomes.Aborted;
        }
    }
}
