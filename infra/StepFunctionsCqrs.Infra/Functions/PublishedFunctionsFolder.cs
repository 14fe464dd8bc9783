using StepFunctionsCqrs.Functions.Catalog;
using StepFunctionsCqrs.Infra.Configuration;

namespace StepFunctionsCqrs.Infra.Functions;

/// <summary>The folder that <c>infra/scripts/publish-functions.sh</c> fills; checked before it becomes the Lambda code asset.</summary>
public static class PublishedFunctionsFolder
{
    /// <summary>The script that produces the folder.</summary>
    public const string PublishScript = "infra/scripts/publish-functions.sh";

    /// <summary>Returns the full path when the folder holds every handler assembly the catalog needs; throws with the fix otherwise.</summary>
    public static string Verify(string path, IEnumerable<FunctionDefinition> catalog)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(catalog);
        var fullPath = Path.GetFullPath(path);
        if (!Directory.Exists(fullPath))
        {
            throw new DeploymentSettingsException(
                $"The published functions folder '{fullPath}' does not exist. Run {PublishScript} first "
                + "(or pass another folder with -c functionsCodePath=<folder>).");
        }

        var missing = catalog
            .Select(f => f.HandlerType.Assembly.GetName().Name + ".dll")
            .Distinct(StringComparer.Ordinal)
            .Where(assembly => !File.Exists(Path.Combine(fullPath, assembly)))
            .ToList();
        if (missing.Count > 0)
        {
            throw new DeploymentSettingsException(
                $"The published functions folder '{fullPath}' lacks {string.Join(", ", missing)}. Run {PublishScript} again.");
        }

        return fullPath;
    }
}
