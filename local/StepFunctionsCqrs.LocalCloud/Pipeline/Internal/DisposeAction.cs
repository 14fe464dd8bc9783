namespace StepFunctionsCqrs.LocalCloud.Pipeline.Internal;

/// <summary>Runs an action on disposal, so plain disposables join the pipeline's ordered shutdown.</summary>
internal sealed class DisposeAction(Action action) : IAsyncDisposable
{
    public ValueTask DisposeAsync()
    {
        action();
        return ValueTask.CompletedTask;
    }
}
