using Amazon.CDK;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.StepFunctions;
using StepFunctionsCqrs.Infra.Configuration;

namespace StepFunctionsCqrs.Infra.Tests.Configuration;

public sealed class DeploymentSettingsTests
{
    [Fact]
    public void Without_context_the_defaults_are_standard_dotnet10_retain_and_the_artifacts_folder()
    {
        var settings = DeploymentSettings.FromContext(new App().Node);

        Assert.Equal("StepFunctionsCqrs", settings.StackName);
        Assert.Equal("dotnet10", settings.LambdaRuntimeName);
        Assert.Equal(RemovalPolicy.RETAIN, settings.RemovalPolicy);
        Assert.Equal(StateMachineType.STANDARD, settings.WorkflowType);
        Assert.True(settings.IncludeHttpApi);
        Assert.Equal(RetentionDays.ONE_MONTH, settings.LogRetention);
        Assert.Equal("../artifacts/functions", settings.FunctionsCodePath);
    }

    [Fact]
    public void Context_values_override_the_defaults()
    {
        var settings = DeploymentSettings.FromContext(AppWith(new()
        {
            ["lambdaRuntime"] = "dotnet8",
            ["removalPolicy"] = "destroy",
            ["workflowType"] = "express",
            ["httpApi"] = "false",
            ["logRetentionDays"] = "7",
            ["functionsCodePath"] = "/tmp/published",
            ["stackName"] = "Cqrs-Dev",
        }).Node);

        Assert.Equal(
            new DeploymentSettings("Cqrs-Dev", "/tmp/published", "dotnet8", RemovalPolicy.DESTROY, StateMachineType.EXPRESS, false, RetentionDays.ONE_WEEK),
            settings);
    }

    [Theory]
    [InlineData("removalPolicy", "delete", "expected one of: retain, destroy, snapshot")]
    [InlineData("workflowType", "fast", "expected one of: standard, express")]
    [InlineData("httpApi", "yes", "expected true or false")]
    [InlineData("logRetentionDays", "10", "expected one of: 1, 3, 5, 7")]
    [InlineData("lambdaRuntime", "java21", "expected a managed .NET runtime")]
    public void An_invalid_context_value_is_rejected_naming_the_key_the_value_and_what_is_allowed(string key, string value, string hint)
    {
        var error = Assert.Throws<DeploymentSettingsException>(() => DeploymentSettings.FromContext(AppWith(new() { [key] = value }).Node));

        Assert.Contains($"'{key}' is '{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }

    private static App AppWith(Dictionary<string, object> context) => new(new AppProps { Context = context });
}
