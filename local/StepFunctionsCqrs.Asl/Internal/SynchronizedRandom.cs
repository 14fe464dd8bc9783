namespace StepFunctionsCqrs.Asl.Internal;

/// <summary>
/// Serializes access to an injected Random: concurrent Parallel branches and executions draw jitter and intrinsic
/// random values at the same time, and Random instances (other than Random.Shared) are not thread-safe.
/// </summary>
internal sealed class SynchronizedRandom(Random inner) : Random
{
    private readonly Lock _gate = new();

    public override int Next()
    {
        lock (_gate) return inner.Next();
    }

    public override int Next(int maxValue)
    {
        lock (_gate) return inner.Next(maxValue);
    }

    public override int Next(int minValue, int maxValue)
    {
        lock (_gate) return inner.Next(minValue, maxValue);
    }

    public override long NextInt64()
    {
        lock (_gate) return inner.NextInt64();
    }

    public override long NextInt64(long maxValue)
    {
        lock (_gate) return inner.NextInt64(maxValue);
    }

    public override long NextInt64(long minValue, long maxValue)
    {
        lock (_gate) return inner.NextInt64(minValue, maxValue);
    }

    public override double NextDouble()
    {
        lock (_gate) return inner.NextDouble();
    }

    public override float NextSingle()
    {
        lock (_gate) return inner.NextSingle();
    }

    public override void NextBytes(byte[] buffer)
    {
        lock (_gate) inner.NextBytes(buffer);
    }

    public override void NextBytes(Span<byte> buffer)
    {
        lock (_gate) inner.NextBytes(buffer);
    }

    protected override double Sample()
    {
        lock (_gate) return inner.NextDouble();
    }
}
