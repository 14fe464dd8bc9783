namespace StepFunctionsCqrs.Cli.Submitting;

/// <summary>A command that SQS accepted.</summary>
public sealed record SubmittedCommand(string CommandId, string MessageId);
