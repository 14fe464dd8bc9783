using System.Reflection;

namespace StepFunctionsCqrs.Infra.Configuration;

/// <summary>The command pipeline's ASL definition (statemachines/command-pipeline.asl.json), embedded at build time.</summary>
public static class CommandPipelineDefinition
{
    private const string ResourceName = "command-pipeline.asl.json";

    /// <summary>Reads the definition text with its <c>${...}</c> placeholders still in place.</summary>
    public static string Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"The embedded resource '{ResourceName}' is missing; check the EmbeddedResource item in StepFunctionsCqrs.Infra.csproj.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
