namespace StepFunctionsCqrs.LocalCloud.Http;

/// <summary>The commands queue once the bootstrap has created it.</summary>
public sealed class CommandsQueue
{
    private string? url;

    /// <summary>The queue URL; throws while the bootstrap has not run yet.</summary>
    public string Url
    {
        get => url ?? throw new InvalidOperationException("The commands queue is not created yet; the local cloud is still starting.");
        set => url = value;
    }
}
