namespace StepFunctionsCqrs.Testing;

/// <summary>The checkout the tests run from: the folder holding StepFunctionsCqrs.sln.</summary>
public static class RepositoryRoot
{
    /// <summary>Its path.</summary>
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
