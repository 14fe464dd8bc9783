namespace StepFunctionsCqrs.Infra.Tests.Support;

/// <summary>Locates the repository checkout the tests run from.</summary>
internal static class RepositoryRoot
{
    /// <summary>The folder holding StepFunctionsCqrs.sln.</summary>
    public static string Path { get; } = Find();

    /// <summary>A path inside the repository.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "StepFunctionsCqrs.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No StepFunctionsCqrs.sln above {AppContext.BaseDirectory}.");
    }
}
