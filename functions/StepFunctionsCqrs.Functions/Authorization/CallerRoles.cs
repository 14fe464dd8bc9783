using StepFunctionsCqrs.Functions.Configuration;

namespace StepFunctionsCqrs.Functions.Authorization;

/// <summary>The roles configured for API callers by principal; a caller not listed has none and acts only as themself.</summary>
public sealed class CallerRoles
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();
    private readonly Dictionary<string, HashSet<string>> roles;

    private CallerRoles(Dictionary<string, HashSet<string>> roles) => this.roles = roles;

    /// <summary>No caller holds any role.</summary>
    public static CallerRoles Empty { get; } = new([]);

    /// <summary>Reads <see cref="CallerRolesVariable.Name"/>; absent means no caller holds a role.</summary>
    public static CallerRoles FromEnvironment() =>
        Environment.GetEnvironmentVariable(CallerRolesVariable.Name) is { Length: > 0 } json ? Parse(json, CallerRolesVariable.Name) : Empty;

    /// <summary>Parses the JSON form, naming the source when it is malformed.</summary>
    public static CallerRoles Parse(string json, string source) =>
        new(RoleMapping.Parse(json, source, "{\"arn:aws:iam::123456789012:user/ops\":[\"admin\"]}"));

    /// <summary>The configured roles of a principal.</summary>
    /// <remarks>
    /// An assumed role's ARN ends in a session name chosen by whoever assumes it, so a role is configured by its ARN
    /// without the session (<c>arn:aws:sts::123456789012:assumed-role/Ops</c>) and matches every session.
    /// </remarks>
    public IReadOnlySet<string> Of(string principal) =>
        roles.GetValueOrDefault(principal)
        ?? (principal.LastIndexOf('/') is > 0 and var slash && principal.Contains(":assumed-role/", StringComparison.Ordinal)
            ? roles.GetValueOrDefault(principal[..slash])
            : null)
        ?? None;
}
