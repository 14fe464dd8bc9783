using System.Text.RegularExpressions;

namespace StepFunctionsCqrs.Functions.Commands;

/// <summary>What an id may look like: command ids become execution names, other ids become parts of composite keys.</summary>
public static partial class Identifiers
{
    /// <summary>Longest command id; Step Functions execution names allow 80 characters.</summary>
    public const int MaxCommandIdLength = 80;

    /// <summary>Longest hotel, room type, booking or user id.</summary>
    public const int MaxIdLength = 64;

    /// <summary>Whether the value can name a Step Functions execution.</summary>
    public static bool IsCommandId(string value) => value.Length <= MaxCommandIdLength && SafeId().IsMatch(value);

    /// <summary>Whether the value is a usable entity id (no '#', which separates composite key parts).</summary>
    public static bool IsEntityId(string value) => value.Length <= MaxIdLength && SafeId().IsMatch(value);

    /// <summary>The characters allowed, for messages.</summary>
    public const string AllowedCharacters = "letters, digits, '-', '_' and '.'";

    // \A and \z, not ^ and $: '$' also matches before a final newline, and Step Functions refuses such a name.
    [GeneratedRegex(@"\A[A-Za-z0-9_.-]+\z")]
    private static partial Regex SafeId();
}
