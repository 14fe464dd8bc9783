namespace StepFunctionsCqrs.Asl.States.Tasks;

/// <summary>When a running task last reported it was alive.</summary>
internal sealed class HeartbeatClock(TimeProvider time)
{
    private long _lastTicks = time.GetUtcNow().UtcTicks;

    public DateTimeOffset Last => new(Interlocked.Read(ref _lastTicks), TimeSpan.Zero);

    public void Beat() => Interlocked.Exchange(ref _lastTicks, time.GetUtcNow().UtcTicks);
}
