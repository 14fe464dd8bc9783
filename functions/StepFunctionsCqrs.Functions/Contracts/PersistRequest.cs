using System.Text.Json;

namespace StepFunctionsCqrs.Functions.Contracts;

/// <summary>Persist's input, per the state machine: the validated command and the execution id.</summary>
/// <param name="Command">The command envelope as sent.</param>
/// <param name="ExecutionId">The execution, for tracing.</param>
/// <param name="LookupOnly">Report what earlier attempts left without deciding (the workflow's FindCommit state).</param>
/// <param name="Sqs">The message's facts, for the trace they continue.</param>
public sealed record PersistRequest(JsonElement Command, string ExecutionId, bool LookupOnly = false, SqsContext? Sqs = null);
