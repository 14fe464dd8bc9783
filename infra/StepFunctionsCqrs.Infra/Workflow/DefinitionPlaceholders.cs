using System.Text.RegularExpressions;

namespace StepFunctionsCqrs.Infra.Workflow;

/// <summary>Finds the <c>${Name}</c> placeholders that CloudFormation's DefinitionSubstitutions replace.</summary>
public static partial class DefinitionPlaceholders
{
    /// <summary>Distinct placeholder names in the definition, in order of first appearance.</summary>
    public static IReadOnlyList<string> In(string definitionJson)
    {
        ArgumentNullException.ThrowIfNull(definitionJson);
        return [.. Placeholder().Matches(definitionJson).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z0-9_]+)\}")]
    private static partial Regex Placeholder();
}
