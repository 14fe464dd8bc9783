namespace StepFunctionsCqrs.Functions.Errors;

/// <summary>Another command appended this aggregate version first; the workflow retries on this exact type name.</summary>
public sealed class ConcurrencyConflict(string message, Exception? inner = null) : Exception(message, inner);
