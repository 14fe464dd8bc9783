namespace StepFunctionsCqrs.Cli;

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread, so the last report is seen before the work returns.</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => report(value);
}
