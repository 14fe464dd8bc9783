namespace StepFunctionsCqrs.Cli.Tracing;

/// <summary>One failed attempt inside a state: the error name a Retry or Catch matches, and its cause.</summary>
public sealed record StateFailure(string EventType, string Error, string? Cause, DateTimeOffset At);
