using StepFunctionsCqrs.Functions.Configuration;

namespace StepFunctionsCqrs.Functions.Authorization;

/// <summary>Which roles each SQS sender (the SenderId that SQS stamps on a message) holds, from configuration.</summary>
public sealed class SenderRoles
{
    /// <summary>The environment variable holding the mapping as JSON: <c>{"AIDAEXAMPLE": ["command-api"], "123456789012": ["admin"]}</c>.</summary>
    public const string EnvironmentVariable = "SENDER_ROLES";

    private readonly Dictionary<string, HashSet<string>> roles;

    /// <summary>Creates the mapping from sender id to roles.</summary>
    public SenderRoles(IReadOnlyDictionary<string, IReadOnlyList<string>> mapping) =>
        roles = mapping.ToDictionary(p => p.Key, p => p.Value.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Reads the mapping from <see cref="EnvironmentVariable"/>.</summary>
    public static SenderRoles FromEnvironment() => Parse(RequiredEnvironment.Get(EnvironmentVariable), EnvironmentVariable);

    /// <summary>Parses the JSON form, naming the source when it is malformed.</summary>
    public static SenderRoles Parse(string json, string source) =>
        new(RoleMapping.Parse(json, source, "{\"AIDAEXAMPLE\":[\"command-api\"]}").ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. p.Value]));

    /// <summary>The sender's roles, or null when the sender is not configured.</summary>
    /// <remarks>
    /// SQS stamps a message sent under an assumed role as "&lt;role id&gt;:&lt;session name&gt;", and the session name is
    /// chosen by whoever assumes the role, so a role is configured by its id (AROA…) alone and matches any session.
    /// Only role ids match that way: a federated user's SenderId is "&lt;account&gt;:&lt;name&gt;", and an account id
    /// configured for its own messages must not lend its roles to every federated user of the account.
    /// </remarks>
    public IReadOnlySet<string>? Of(string senderId) =>
        roles.GetValueOrDefault(senderId)
        ?? (senderId.StartsWith("AROA", StringComparison.Ordinal) && senderId.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon
            ? roles.GetValueOrDefault(senderId[..colon])
            : null);
}
