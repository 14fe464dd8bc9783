namespace StepFunctionsCqrs.LocalCloud.Bootstrap;

/// <summary>Finds the repository root: the nearest folder holding both package.json and StepFunctionsCqrs.sln.</summary>
public static class RepositoryRoot
{
    /// <summary>The root above the current directory or above the running assembly; throws when neither is inside the repository.</summary>
    public static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "package.json")) && File.Exists(Path.Combine(folder.FullName, "StepFunctionsCqrs.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"Cannot find the repository root (a folder with package.json and StepFunctionsCqrs.sln) above '{Environment.CurrentDirectory}' or '{AppContext.BaseDirectory}'.");
    }
}
