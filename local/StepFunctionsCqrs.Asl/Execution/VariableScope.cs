using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Execution;

/// <summary>Workflow variables visible to one branch: its own, then those of the enclosing scopes.</summary>
internal sealed class VariableScope(VariableScope? parent) : IReadOnlyDictionary<string, JsonNode?>
{
    private Dictionary<string, JsonNode?>? _own;

    public void Set(string name, JsonNode? value) => (_own ??= new Dictionary<string, JsonNode?>(StringComparer.Ordinal))[name] = value;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonNode? value)
    {
        if (_own is not null && _own.TryGetValue(key, out value)) return true;
        if (parent is not null) return parent.TryGetValue(key, out value);
        value = null;
        return false;
    }

    public JsonNode? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"Variable '{key}' is not defined.");

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    private Dictionary<string, JsonNode?> Flatten()
    {
        var all = parent?.Flatten() ?? new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (_own is not null) foreach (var (k, v) in _own) all[k] = v;
        return all;
    }

    public IEnumerable<string> Keys => Flatten().Keys;

    public IEnumerable<JsonNode?> Values => Flatten().Values;

    public int Count => Flatten().Count;

    public IEnumerator<KeyValuePair<string, JsonNode?>> GetEnumerator() => Flatten().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
