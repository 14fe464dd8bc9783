namespace StepFunctionsCqrs.Asl;

/// <summary>One problem in a definition: a stable code, a message, and where (a JSON Pointer such as /States/Foo/Retry/0).</summary>
public sealed record AslDiagnostic(string Code, string Message, string Location)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code} at {(Location.Length == 0 ? "/" : Location)}: {Message}";
}
