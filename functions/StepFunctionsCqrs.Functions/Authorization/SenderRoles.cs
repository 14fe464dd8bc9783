using System.Text.Json;
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
    public static SenderRoles Parse(string json, string source)
    {
        try
        {
            var mapping = JsonSerializer.Deserialize<Dictionary<string, string[]>>(json)
                ?? throw new JsonException("the mapping is null");
            return new SenderRoles(mapping.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)(p.Value ?? [])));
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException(
                $"{source} must be a JSON object mapping each SQS sender id to an array of roles, e.g. {{\"AIDAEXAMPLE\":[\"command-api\"]}}: {e.Message}", e);
        }
    }

    /// <summary>The sender's roles, or null when the sender is not configured.</summary>
    public IReadOnlySet<string>? Of(string senderId) => roles.GetValueOrDefault(senderId);
}
