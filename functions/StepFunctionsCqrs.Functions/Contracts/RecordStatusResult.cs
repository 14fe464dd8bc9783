using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Functions.Contracts;

/// <summary>RecordStatus's output: the status the view holds after the call.</summary>
public sealed record RecordStatusResult(string CommandId, CommandOutcome Status, string ExecutionId);
