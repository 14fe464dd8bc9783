using System.Text.Json;

namespace StepFunctionsCqrs.Functions.Contracts;

/// <summary>Validate's input, per the state machine: the command, its SQS context and the execution id.</summary>
/// <remarks>
/// An execution started by hand without SQS facts has no sender and is refused. One started by hand with made-up facts
/// is believed: whoever may call StartExecution on the pipeline is trusted as the dispatcher is, so only the
/// dispatcher's role is granted it.
/// </remarks>
public sealed record ValidateRequest(JsonElement Command, SqsContext? Sqs, string ExecutionId);
