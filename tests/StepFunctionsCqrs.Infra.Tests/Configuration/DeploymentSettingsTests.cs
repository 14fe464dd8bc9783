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

    [Fact]
    public void Without_context_the_hardening_defaults_apply()
    {
        var settings = DeploymentSettings.FromContext(new App().Node);

        Assert.Equal(ApiAuthScheme.Iam, settings.ApiAuth);
        Assert.Equal("groups", settings.JwtGroupsClaim);
        Assert.Equal("{}", settings.CallerRolesJson);
        Assert.Equal(10, settings.DispatchMaxConcurrency);
        Assert.Equal(20, settings.QueryReservedConcurrency);
        Assert.Equal(50, settings.ApiThrottleRate);
        Assert.Equal(100, settings.ApiThrottleBurst);
        Assert.Equal(LogLevel.ERROR, settings.ExecutionLogLevel);
        Assert.False(settings.IncludeExecutionData);
        Assert.Null(settings.AlarmEmail);
        Assert.True(settings.AlarmTopic);
    }

    [Fact]
    public void Jwt_settings_are_read_with_every_audience_of_the_list()
    {
        var settings = DeploymentSettings.FromContext(AppWith(new()
        {
            ["apiAuth"] = "jwt",
            ["jwtIssuer"] = "https://issuer.example.com/",
            ["jwtAudience"] = "web, cli",
            ["jwtGroupsClaim"] = "roles",
            ["queryReservedConcurrency"] = "none",
            ["executionLogLevel"] = "all",
            ["includeExecutionData"] = "true",
        }).Node);

        Assert.Equal(ApiAuthScheme.Jwt, settings.ApiAuth);
        Assert.Equal("https://issuer.example.com/", settings.JwtIssuer);
        Assert.Equal(["web", "cli"], settings.JwtAudience);
        Assert.Equal("roles", settings.JwtGroupsClaim);
        Assert.Null(settings.QueryReservedConcurrency);
        Assert.Equal(LogLevel.ALL, settings.ExecutionLogLevel);
        Assert.True(settings.IncludeExecutionData);
    }

    [Theory]
    [InlineData("apiAuth", "cognito", "expected one of: iam, jwt")]
    [InlineData("jwtGroupsClaim", "cognito:groups", "letters, digits and underscores")]
    [InlineData("dispatchMaxConcurrency", "1", "from 2 to 1000")]
    [InlineData("queryReservedConcurrency", "-1", "from 0 to 1000")]
    [InlineData("apiThrottleRate", "0", "above 0")]
    [InlineData("apiThrottleBurst", "lots", "whole number")]
    [InlineData("executionLogLevel", "DEBUG", "expected one of: ALL, ERROR, FATAL, OFF")]
    [InlineData("includeExecutionData", "yes", "expected true or false")]
    [InlineData("alarmEmail", "ops", "one e-mail address")]
    public void An_invalid_hardening_value_is_rejected_naming_the_key_the_value_and_what_is_allowed(string key, string value, string hint)
    {
        var error = Assert.Throws<DeploymentSettingsException>(() => DeploymentSettings.FromContext(AppWith(new() { [key] = value }).Node));

        Assert.Contains($"'{key}' is '{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "cli", "jwtIssuer")]
    [InlineData("http://issuer.example.com/", "cli", "jwtIssuer")]
    [InlineData("https://issuer.example.com/", null, "jwtAudience")]
    public void Jwt_without_an_https_issuer_or_an_audience_is_rejected_naming_what_is_missing(string? issuer, string? audience, string key)
    {
        var context = new Dictionary<string, object> { ["apiAuth"] = "jwt" };
        if (issuer is not null)
        {
            context["jwtIssuer"] = issuer;
        }

        if (audience is not null)
        {
            context["jwtAudience"] = audience;
        }

        var error = Assert.Throws<DeploymentSettingsException>(() => DeploymentSettings.FromContext(AppWith(context).Node));

        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_caller_roles_are_rejected_naming_the_key()
    {
        var error = Assert.Throws<DeploymentSettingsException>(
            () => DeploymentSettings.FromContext(AppWith(new() { ["callerRoles"] = "{\"ops\":\"admin\"}" }).Node));

        Assert.Contains("'callerRoles'", error.Message, StringComparison.Ordinal);
    }

    private static App AppWith(Dictionary<string, object> context) => new(new AppProps { Context = context });
}
