using System.Text.Json;

namespace StepFunctionsCqrs.Functions.Contracts;

/// <summary>The input of one workflow execution: the command exactly as sent, and where it came from.</summary>
public sealed record ExecutionInput(JsonElement Command, SqsContext Sqs);
