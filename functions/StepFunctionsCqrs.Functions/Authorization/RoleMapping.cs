using System.Text.Json;

namespace StepFunctionsCqrs.Functions.Authorization;

/// <summary>A configured mapping of principal to roles, as a JSON object of string to array of strings.</summary>
public static class RoleMapping
{
    /// <summary>Parses the JSON form, naming the source and showing an example when it is malformed.</summary>
    public static Dictionary<string, HashSet<string>> Parse(string json, string source, string example)
    {
        try
        {
            var mapping = JsonSerializer.Deserialize<Dictionary<string, string[]>>(json)
                ?? throw new JsonException("the mapping is null");
            return mapping.ToDictionary(p => p.Key, p => (p.Value ?? []).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{source} must be a JSON object mapping each principal to an array of roles, e.g. {example}: {e.Message}", e);
        }
    }
}
