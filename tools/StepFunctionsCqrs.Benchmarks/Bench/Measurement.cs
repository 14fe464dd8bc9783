namespace StepFunctionsCqrs.Benchmarks.Bench;

/// <summary>One engine's speed on one machine. Bytes are null when the engine cannot report allocations.</summary>
public sealed record Measurement(string Machine, string Engine, double MicrosecondsPerExecution, long? BytesPerExecution)
{
    /// <summary>Executions per second at the measured mean.</summary>
    public double ExecutionsPerSecond => 1_000_000 / MicrosecondsPerExecution;
}
