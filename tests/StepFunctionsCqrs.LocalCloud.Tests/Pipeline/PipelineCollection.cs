namespace StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

/// <summary>
/// Tests sharing one in-process local cloud. They run one at a time: the in-process functions read this process's
/// environment, which a second cloud would overwrite.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<PipelineFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "In-process local cloud";
}
