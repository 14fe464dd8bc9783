using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Callbacks;

/// <summary>One attempt of a callback task waiting for the answer sent with its token.</summary>
internal sealed class PendingCallback(string token, string executionArn)
{
    // Continuations run on the thread pool, never inline in the API request that delivered the answer.
    private readonly TaskCompletionSource<CallbackAnswer> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Action? _onHeartbeat;

    public string Token { get; } = token;

    public string ExecutionArn { get; } = executionArn;

    public Task<CallbackAnswer> Answer => _answer.Task;

    /// <summary>Resets the task's HeartbeatSeconds clock on every heartbeat.</summary>
    public void OnHeartbeat(Action beat) => Volatile.Write(ref _onHeartbeat, beat);

    /// <summary>Takes the first answer only; a second one finds the task closed.</summary>
    public bool TryAnswer(CallbackAnswer answer) => _answer.TrySetResult(answer);

    public bool Beat()
    {
        if (_answer.Task.IsCompleted) return false;
        Volatile.Read(ref _onHeartbeat)?.Invoke();
        return true;
    }

    public static CallbackAnswer Success(JsonNode? output) => new(true, output, null, null);

    public static CallbackAnswer Failure(string? error, string? cause) => new(false, null, error, cause);
}
