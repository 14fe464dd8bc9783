using System.Text.Json;

namespace StepFunctionsCqrs.Functions.Contracts;

/// <summary>Validate's input, per the state machine: the command, its SQS context and the execution id.</summary>
/// <remarks>An execution started by hand, without SQS facts, has no sender and is refused.</remarks>
public sealed record ValidateRequest(JsonElement Command, SqsContext? Sqs, string ExecutionId);
