using System.Text.Json;

namespace StepFunctionsCqrs.Functions.Contracts;

/// <summary>Persist's input, per the state machine: the validated command and the execution id.</summary>
public sealed record PersistRequest(JsonElement Command, string ExecutionId);
