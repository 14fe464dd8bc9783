namespace StepFunctionsCqrs.Cli.Tests.TestKit;

/// <summary>Tests that start a whole local cloud; they run alone because the cloud sets the process's AWS variables for its functions.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LocalCloudCollection
{
    public const string Name = "local cloud";
}
