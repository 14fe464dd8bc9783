namespace StepFunctionsCqrs.LocalCloud.Tests.Load;

/// <summary>
/// Tests that start a local cloud of their own. They run after every other collection, alone: a cloud points the
/// in-process functions' environment (endpoint, roles) at itself, which would pull the shared cloud's functions away
/// from it mid-test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OwnCloudCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Own local cloud";
}
