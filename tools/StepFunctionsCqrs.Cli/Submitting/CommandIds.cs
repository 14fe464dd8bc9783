namespace StepFunctionsCqrs.Cli.Submitting;

/// <summary>Client-side command ids: unique, and valid execution names.</summary>
public static class CommandIds
{
    /// <summary>A new command id.</summary>
    public static string New() => $"cmd-{Guid.NewGuid():N}";
}
