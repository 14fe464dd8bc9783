using System.Text;

namespace StepFunctionsCqrs.Asl;

/// <summary>Replaces ${Name} placeholders in a definition, as CloudFormation's DefinitionSubstitutions does.</summary>
public static class DefinitionSubstitutions
{
    /// <summary>Substitutes every ${Name}; throws naming each placeholder that has no value.</summary>
    public static string Apply(string definitionJson, IReadOnlyDictionary<string, string> values)
    {
        var result = new StringBuilder(definitionJson.Length);
        var missing = new List<string>();
        var i = 0;
        while (i < definitionJson.Length)
        {
            var start = definitionJson.IndexOf("${", i, StringComparison.Ordinal);
            if (start < 0)
            {
                result.Append(definitionJson, i, definitionJson.Length - i);
                break;
            }
            var end = definitionJson.IndexOf('}', start + 2);
            if (end < 0)
            {
                result.Append(definitionJson, i, definitionJson.Length - i);
                break;
            }
            result.Append(definitionJson, i, start - i);
            var name = definitionJson[(start + 2)..end];
            if (values.TryGetValue(name, out var value)) result.Append(value);
            else
            {
                missing.Add(name);
                result.Append(definitionJson, start, end - start + 1);
            }
            i = end + 1;
        }
        if (missing.Count > 0)
        {
            throw new KeyNotFoundException($"No substitution value for {string.Join(", ", missing.Distinct().Select(m => "${" + m + "}"))}.");
        }
        return result.ToString();
    }
}
