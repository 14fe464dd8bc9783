namespace StepFunctionsCqrs.Asl.Validation;

/// <summary>Collects diagnostics during one validation pass.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<AslDiagnostic> _items = [];

    public IReadOnlyList<AslDiagnostic> Items => _items;

    public void Add(string code, string location, string message) => _items.Add(new AslDiagnostic(code, message, location));

    public void Schema(string location, string message) => Add(DiagnosticCodes.SchemaValidationFailed, location, message);

    /// <summary>Appends a JSON Pointer segment, escaping '~' and '/'.</summary>
    public static string At(string location, string segment) => location + "/" + segment.Replace("~", "~0").Replace("/", "~1");

    public static string At(string location, int index) => location + "/" + index;
}
