namespace StepFunctionsCqrs.Functions.Stores;

/// <summary>How a command ended, as the workflow reports it.</summary>
public enum CommandOutcome
{
    /// <summary>Persisted and projected.</summary>
    Accepted,
    /// <summary>Refused by validation, authorization or a business rule.</summary>
    Rejected,
    /// <summary>An unexpected error stopped the workflow.</summary>
    Failed,
}
