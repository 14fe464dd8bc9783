using System.Text.Json;
using StepFunctionsCqrs.Domain.Outcomes;
using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Functions.Contracts;

/// <summary>RecordStatus's input, per the state machine: the outcome plus its rejection, commit or error.</summary>
/// <param name="Command">The command as sent, which may be anything a sender wrote; read only for its type, to count outcomes by it.</param>
public sealed record RecordStatusRequest(
    string CommandId, CommandOutcome Status, Rejection? Rejection, Commit? Commit, JsonElement? Error, string ExecutionId, SqsContext? Sqs = null,
    JsonElement? Command = null);
