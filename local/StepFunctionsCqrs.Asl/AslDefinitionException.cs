namespace StepFunctionsCqrs.Asl;

/// <summary>Thrown when a definition is invalid; lists every problem found.</summary>
public sealed class AslDefinitionException(IReadOnlyList<AslDiagnostic> diagnostics)
    : Exception($"The state machine definition is invalid ({diagnostics.Count} problem{(diagnostics.Count == 1 ? "" : "s")}):{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics)}")
{
    /// <summary>Every problem found.</summary>
    public IReadOnlyList<AslDiagnostic> Diagnostics { get; } = diagnostics;
}
