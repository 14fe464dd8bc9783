namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary>Canonical spellings of path pieces for error messages.</summary>
internal static class PathText
{
    /// <summary>A field name in bracket notation, e.g. <c>['a b']</c>.</summary>
    public static string QuoteName(string name) =>
        "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";
}
