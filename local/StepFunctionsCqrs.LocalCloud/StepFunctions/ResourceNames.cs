namespace StepFunctionsCqrs.LocalCloud.StepFunctions;

/// <summary>The naming rules Step Functions applies to state machine and execution names.</summary>
public static class ResourceNames
{
    /// <summary>Longest name allowed.</summary>
    public const int MaxLength = 80;

    // Whitespace, brackets, wildcards, these punctuation marks and control characters are refused by the service.
    private const string Forbidden = "<>{}[]?*\"#%\\^|~`$&,;:/";

    /// <summary>Throws InvalidName naming the field and the offending character when <paramref name="name"/> breaks the rules.</summary>
    public static void Check(string? name, string field)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength)
        {
            throw new StepFunctionsFault(StepFunctionsErrorCodes.InvalidName,
                $"Invalid Name: '{name}' in {field} must be 1 to {MaxLength} characters long.");
        }

        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || Forbidden.Contains(c, StringComparison.Ordinal))
            {
                throw new StepFunctionsFault(StepFunctionsErrorCodes.InvalidName,
                    $"Invalid Name: '{name}' in {field} contains '{(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString())}'; names may not contain whitespace, brackets, wildcards, control characters or any of {Forbidden}.");
            }
        }
    }
}
