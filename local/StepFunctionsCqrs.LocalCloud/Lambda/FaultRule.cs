namespace StepFunctionsCqrs.LocalCloud.Lambda;

/// <summary>One entry of <c>CQRS_FAULTS</c>: which function fails, how often, and for which commands.</summary>
/// <param name="Function">The catalog name of the function.</param>
/// <param name="Fraction">The fraction of invocations that fail, when the rule is a fraction.</param>
/// <param name="Times">How many invocations fail per command before the handler runs, when the rule is a count.</param>
/// <param name="CommandPrefix">Only commands whose id starts with this; null for every invocation.</param>
/// <param name="Bug">Throw an unexpected error, which no Retry matches, instead of <c>TransientStoreError</c>.</param>
public sealed record FaultRule(string Function, double? Fraction, int? Times, string? CommandPrefix, bool Bug = false)
{
    /// <summary>Whether the rule concerns an invocation for <paramref name="commandId"/>.</summary>
    public bool Covers(string? commandId) =>
        CommandPrefix is null || (commandId is not null && commandId.StartsWith(CommandPrefix, StringComparison.Ordinal));

    /// <summary>Whether applying the rule needs the command id from the invocation's input.</summary>
    public bool NeedsCommandId => CommandPrefix is not null || Times is not null;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Function} {(Times is { } times ? $"{times}x per command" : $"{Fraction:0.###}")}{(CommandPrefix is null ? "" : $" for ids starting '{CommandPrefix}'")}{(Bug ? " as a bug" : "")}";
}
