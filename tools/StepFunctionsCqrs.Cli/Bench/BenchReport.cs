namespace StepFunctionsCqrs.Cli.Bench;

/// <summary>What a bench run measured.</summary>
/// <param name="Commands">Commands submitted.</param>
/// <param name="Outcomes">Count per outcome (Accepted, Rejected, Failed); commands with none by the timeout are missing.</param>
/// <param name="Elapsed">From the first submit to the last outcome recorded.</param>
/// <param name="Latency">Submit→status latency: from the client sending a command to the pipeline recording its outcome.</param>
/// <param name="WritesPerCommand">Conditional writes each command made on average: ledger claim, commit append, view rows, status row.</param>
/// <param name="Store">Conditional PutItem writes per second the store sustained in the probes before and after the run.</param>
/// <param name="NotAccepted">A few commands that ended other than Accepted, to trace.</param>
/// <param name="WarmupCommands">Commands run before the measured ones and not counted.</param>
/// <param name="ClosedLoop">Whether each submitter waited for one command's outcome before sending the next.</param>
/// <param name="Submitters">Submitters sending at once.</param>
/// <param name="Usage">What each command used, when it was measured.</param>
/// <param name="RoomTypes">Room types (aggregates) the bookings spread over.</param>
public sealed record BenchReport(
    int Commands,
    IReadOnlyDictionary<string, int> Outcomes,
    TimeSpan Elapsed,
    LatencyPercentiles Latency,
    double WritesPerCommand,
    StoreRates Store,
    IReadOnlyList<string> NotAccepted,
    int WarmupCommands,
    bool ClosedLoop = false,
    int Submitters = 1,
    CommandUsage? Usage = null,
    int RoomTypes = 0)
{
    /// <summary>Commands with no outcome by the timeout.</summary>
    public int Missing => Commands - Outcomes.Values.Sum();

    /// <summary>Commands that reached an outcome, per second.</summary>
    public double CommandsPerSecond => Outcomes.Values.Sum() / Elapsed.TotalSeconds;

    /// <summary>The store's conditional writes per second: the higher of the two probes.</summary>
    public double StoreWritesPerSecond => Math.Max(Store.Before, Store.After);

    /// <summary>The most commands per second the store could take: its write rate over the writes each command needs.</summary>
    public double StoreBoundCommandsPerSecond => StoreWritesPerSecond / WritesPerCommand;

    /// <summary>Throughput as a fraction of the store bound.</summary>
    public double RatioToStoreBound => CommandsPerSecond / StoreBoundCommandsPerSecond;
}

/// <summary>The store probe's conditional writes per second, measured before and after the bench's measured run.</summary>
public sealed record StoreRates(double Before, double After);
