namespace StepFunctionsCqrs.Asl.Common;

/// <summary>The retry outcome and, for <see cref="RetryOutcome.Retry"/>, how long to wait.</summary>
public readonly record struct RetryDecision(RetryOutcome Outcome, TimeSpan Delay);
