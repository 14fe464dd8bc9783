namespace StepFunctionsCqrs.Asl.Tests.Support;

/// <summary>The project's own statemachines/command-pipeline.asl.json, found above the test binaries.</summary>
public static class CommandPipelineFile
{
    /// <summary>Its text, placeholders unfilled.</summary>
    public static string Read()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "statemachines", "command-pipeline.asl.json");
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new FileNotFoundException($"statemachines/command-pipeline.asl.json not found above {AppContext.BaseDirectory}.");
    }
}
