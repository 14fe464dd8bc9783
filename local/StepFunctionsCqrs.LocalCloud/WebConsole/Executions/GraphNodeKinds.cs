namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>The values of <see cref="GraphNode.Kind"/>.</summary>
public static class GraphNodeKinds
{
    /// <summary>A block's entry point.</summary>
    public const string Start = "start";

    /// <summary>A block's exit.</summary>
    public const string End = "end";

    /// <summary>A state of the definition.</summary>
    public const string State = "state";

    /// <summary>One branch of a Parallel state.</summary>
    public const string Branch = "branch";

    /// <summary>A Map state's ItemProcessor (or Iterator).</summary>
    public const string Iterator = "iterator";
}
