namespace StepFunctionsCqrs.Benchmarks.Machines;

/// <summary>Where the benchmark's inputs live in the repository, found from the running binary or the working folder.</summary>
public static class BenchPaths
{
    private const string ProjectFolder = "tools/StepFunctionsCqrs.Benchmarks";

    /// <summary>The repository root: the nearest ancestor that holds this project's folder.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The folder holding the shared machine definitions and inputs.</summary>
    public static string MachinesFolder => Path.Combine(RepositoryRoot, ProjectFolder, "Machines");

    /// <summary>The folder holding the Node baseline.</summary>
    public static string NodeFolder => Path.Combine(RepositoryRoot, ProjectFolder, "node");

    /// <summary>The folder holding the project's state machine definitions.</summary>
    public static string StateMachinesFolder => Path.Combine(RepositoryRoot, "statemachines");

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, ProjectFolder, "Machines"))) return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException(
            $"Could not find '{ProjectFolder}/Machines' above '{AppContext.BaseDirectory}' or '{Directory.GetCurrentDirectory()}'; run the benchmark from inside the repository.");
    }
}
