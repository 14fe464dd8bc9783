namespace StepFunctionsCqrs.Functions.Errors;

/// <summary>The store throttled or failed on its side; the workflow retries on this exact type name.</summary>
public sealed class TransientStoreError(string message, Exception? inner = null) : Exception(message, inner);
