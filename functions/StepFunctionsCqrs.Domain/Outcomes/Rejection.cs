namespace StepFunctionsCqrs.Domain.Outcomes;

/// <summary>Why a command was refused: every reason found, not just the first.</summary>
public sealed record Rejection(IReadOnlyList<Reason> Reasons)
{
    /// <summary>A rejection with a single reason.</summary>
    public static Rejection Because(string code, string message, string? field = null) =>
        new([new Reason(code, message, field)]);
}
