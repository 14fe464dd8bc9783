namespace StepFunctionsCqrs.Functions.DeadLetters;

/// <summary>What one redrive did: how many messages went back, and which stayed in the dead-letter queue and why.</summary>
public sealed record RedriveOutcome(int Moved, IReadOnlyList<LeftInPlace> Left);

/// <summary>A dead letter redrive could not re-send with the authority it first had, so it stays where it is.</summary>
public sealed record LeftInPlace(string MessageId, string Reason);
