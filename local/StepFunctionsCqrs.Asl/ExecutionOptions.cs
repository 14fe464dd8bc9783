namespace StepFunctionsCqrs.Asl;

/// <summary>Identity of an execution; anything left null gets a sensible local default.</summary>
public sealed record ExecutionOptions(string? Name = null, string? ExecutionArn = null, string? StateMachineArn = null, string? RoleArn = null)
{
    /// <summary>All defaults: a random name and local ARNs.</summary>
    public static ExecutionOptions Default { get; } = new();
}
