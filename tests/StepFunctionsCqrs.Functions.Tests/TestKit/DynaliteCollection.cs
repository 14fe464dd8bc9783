using StepFunctionsCqrs.Testing;

namespace StepFunctionsCqrs.Functions.Tests.TestKit;

/// <summary>Tests that share one dynalite process.</summary>
[CollectionDefinition(Name)]
public sealed class DynaliteCollection : ICollectionFixture<Dynalite>
{
    public const string Name = "dynalite";
}
