namespace StepFunctionsCqrs.LocalCloud.DynamoDb;

/// <summary>Finds the repository's npm packages, which the build installs from the lockfile (NodePackagesFolder).</summary>
public static class NodePackages
{
    /// <summary>The folder of the dynalite package; throws naming the fix when the packages are not installed.</summary>
    public static string Dynalite(string repositoryRoot)
    {
        var dynalite = Path.Combine(repositoryRoot, "node_modules", "dynalite");
        return File.Exists(Path.Combine(dynalite, "package.json"))
            ? dynalite
            : throw new InvalidOperationException(
                $"dynalite is not installed in {repositoryRoot}: build the host (dotnet run or dotnet build installs the npm packages) or run 'npm ci' there.");
    }
}
