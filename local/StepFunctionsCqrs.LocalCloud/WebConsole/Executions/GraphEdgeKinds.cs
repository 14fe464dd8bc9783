namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>The values of <see cref="GraphEdge.Kind"/>.</summary>
public static class GraphEdgeKinds
{
    /// <summary>From a block's start node to its StartAt state.</summary>
    public const string Start = "start";

    /// <summary>Next, or End (and Succeed and Fail) to the block's end node.</summary>
    public const string Next = "next";

    /// <summary>One of a Choice state's rules.</summary>
    public const string Choice = "choice";

    /// <summary>A Choice state's Default.</summary>
    public const string Default = "default";

    /// <summary>A Catch clause.</summary>
    public const string Catch = "catch";
}
