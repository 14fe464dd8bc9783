namespace StepFunctionsCqrs.Domain.Outcomes;

/// <summary>One machine-readable reason a command was refused, with a message for people.</summary>
/// <param name="Code">Stable code from <see cref="ReasonCodes"/>.</param>
/// <param name="Message">Human-readable explanation naming the offending value.</param>
/// <param name="Field">JSON path of the offending field, when one field is at fault.</param>
public sealed record Reason(string Code, string Message, string? Field = null);
