using System.Text.RegularExpressions;

namespace StepFunctionsCqrs.Functions.Authorization;

/// <summary>Role names used in the sender mapping and in actor claims.</summary>
public static partial class Roles
{
    /// <summary>The command API: names the caller it authenticated, who then acts (see <see cref="CallerAttributes"/>).</summary>
    public const string CommandApi = "command-api";
    /// <summary>Hotel administration: registers hotels, cancels any booking.</summary>
    public const string Admin = "admin";
    /// <summary>A guest acting for themself.</summary>
    public const string Guest = "guest";

    /// <summary>Whether <paramref name="name"/> can be a role: 1 to 32 letters, digits, '_', '.' or '-'.</summary>
    public static bool IsName(string name) => RoleName().IsMatch(name);

    [GeneratedRegex(@"\A[A-Za-z0-9_.\-]{1,32}\z")]
    private static partial Regex RoleName();
}
