using Amazon.CDK;

namespace StepFunctionsCqrs.Infra.Tests.Support;

/// <summary>An empty stack in its own app, for testing one construct at a time.</summary>
internal static class IsolatedStack
{
    public static Stack Create() => new(new App(), "TestStack", new StackProps
    {
        Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "eu-west-1" },
    });
}
