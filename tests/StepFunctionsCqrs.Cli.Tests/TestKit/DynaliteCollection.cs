using StepFunctionsCqrs.Testing;

namespace StepFunctionsCqrs.Cli.Tests.TestKit;

/// <summary>Tests that share one dynalite.</summary>
[CollectionDefinition(Name)]
public sealed class DynaliteCollection : ICollectionFixture<Dynalite>
{
    public const string Name = "dynalite";
}
