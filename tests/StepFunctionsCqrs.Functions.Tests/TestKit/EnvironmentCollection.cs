namespace StepFunctionsCqrs.Functions.Tests.TestKit;

/// <summary>Tests that change process environment variables; they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "environment";
}
