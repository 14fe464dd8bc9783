namespace StepFunctionsCqrs.Asl.Callbacks;

/// <summary>What became of an answer (success, failure or heartbeat) sent with a task token.</summary>
public enum CallbackOutcome
{
    /// <summary>The token's task was waiting and took the answer.</summary>
    Delivered,

    /// <summary>The token is genuine, but its task attempt has ended: answered, timed out, retried, stopped or lost to a restart.</summary>
    TaskClosed,

    /// <summary>The token was not issued by this broker: malformed, altered or forged.</summary>
    InvalidToken,
}
