namespace StepFunctionsCqrs.Cli.Bench;

/// <summary>The shape of one bench run.</summary>
/// <param name="Commands">BookRoom commands to submit.</param>
/// <param name="Concurrency">Submitters sending at once.</param>
/// <param name="RoomTypes">Room types (aggregates) the bookings spread over; fewer means more append conflicts.</param>
/// <param name="Timeout">How long to wait for every outcome.</param>
/// <param name="ProbeWrites">Conditional writes the store probe times (after a fifth as many to warm up).</param>
/// <param name="WarmupCommands">BookRoom commands run, and not counted, before the measured ones.</param>
/// <param name="ClosedLoop">
/// Each submitter sends one command and waits for its outcome before sending the next (with one submitter, one command at
/// a time); otherwise submitters send batches of ten back to back, as a producer with a backlog would.
/// </param>
/// <param name="HistorySample">Measured commands whose execution histories are read for the usage and cost figures (0 for none).</param>
public sealed record BenchOptions(
    int Commands = 2000, int Concurrency = 32, int RoomTypes = 50, TimeSpan? Timeout = null, int ProbeWrites = 5000, int WarmupCommands = 300,
    bool ClosedLoop = false, int HistorySample = 200)
{
    /// <summary>The wait for outcomes.</summary>
    public TimeSpan WaitTimeout => Timeout ?? TimeSpan.FromMinutes(15);
}
