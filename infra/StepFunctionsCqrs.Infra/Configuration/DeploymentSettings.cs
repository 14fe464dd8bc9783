using Amazon.CDK;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using StepFunctionsCqrs.Functions.Authorization;

namespace StepFunctionsCqrs.Infra.Configuration;

/// <summary>Everything about a deployment that differs between AWS, LocalStack and tests, read from CDK context.</summary>
/// <param name="StackName">CloudFormation stack name.</param>
/// <param name="FunctionsCodePath">Folder holding the published functions (the Lambda code asset).</param>
/// <param name="LambdaRuntimeName">Lambda runtime identifier, e.g. <c>dotnet10</c>.</param>
/// <param name="RemovalPolicy">What happens to tables and log groups when the stack is deleted.</param>
/// <param name="WorkflowType">Standard (default) or Express state machine.</param>
/// <param name="IncludeHttpApi">Whether to create the HTTP API (LocalStack's free edition has no API Gateway v2).</param>
/// <param name="LogRetention">Retention of every log group the stack creates.</param>
public sealed record DeploymentSettings(
    string StackName,
    string FunctionsCodePath,
    string LambdaRuntimeName,
    RemovalPolicy RemovalPolicy,
    StateMachineType WorkflowType,
    bool IncludeHttpApi,
    RetentionDays LogRetention)
{
    /// <summary>
    /// Extra SQS senders and their roles, as the JSON object Validate reads (e.g. an operator's IAM user id mapped to
    /// <c>["admin"]</c>); the HTTP API's role is added as the command API by the stack itself.
    /// </summary>
    public string SenderRolesJson { get; init; } = "{}";

    /// <summary>Context key for extra sender roles (a JSON object of sender id to roles).</summary>
    public const string SenderRolesKey = "senderRoles";

    /// <summary>Context key for the stack name.</summary>
    public const string StackNameKey = "stackName";

    /// <summary>Context key for the published functions folder.</summary>
    public const string FunctionsCodePathKey = "functionsCodePath";

    /// <summary>Context key for the Lambda runtime identifier.</summary>
    public const string LambdaRuntimeKey = "lambdaRuntime";

    /// <summary>Context key for the removal policy (destroy, retain, snapshot).</summary>
    public const string RemovalPolicyKey = "removalPolicy";

    /// <summary>Context key for the workflow type (standard, express).</summary>
    public const string WorkflowTypeKey = "workflowType";

    /// <summary>Context key that turns the HTTP API on or off (true, false).</summary>
    public const string HttpApiKey = "httpApi";

    /// <summary>Context key for the log retention in days.</summary>
    public const string LogRetentionDaysKey = "logRetentionDays";

    /// <summary>Default stack name.</summary>
    public const string DefaultStackName = "StepFunctionsCqrs";

    /// <summary>Default publish folder, relative to infra/ where cdk.json runs the app; the publish script writes it.</summary>
    public const string DefaultFunctionsCodePath = "../artifacts/functions";

    /// <summary>The managed .NET 10 runtime; CDK 2.160 predates it, so it is named explicitly.</summary>
    public const string DefaultLambdaRuntime = "dotnet10";

    /// <summary>Reads the settings from CDK context (<c>-c key=value</c> or cdk.json), falling back to defaults.</summary>
    public static DeploymentSettings FromContext(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        string? Read(string key) => node.TryGetContext(key)?.ToString() is { Length: > 0 } value ? value.Trim() : null;

        var runtime = Read(LambdaRuntimeKey) ?? DefaultLambdaRuntime;
        if (!runtime.StartsWith("dotnet", StringComparison.Ordinal))
        {
            throw new DeploymentSettingsException(
                $"Context value '{LambdaRuntimeKey}' is '{runtime}'; expected a managed .NET runtime such as 'dotnet10' or 'dotnet8'.");
        }

        return new DeploymentSettings(
            Read(StackNameKey) ?? DefaultStackName,
            Read(FunctionsCodePathKey) ?? DefaultFunctionsCodePath,
            runtime,
            ParseRemovalPolicy(Read(RemovalPolicyKey)),
            ParseWorkflowType(Read(WorkflowTypeKey)),
            ParseBoolean(HttpApiKey, Read(HttpApiKey), defaultValue: true),
            ParseRetention(Read(LogRetentionDaysKey)))
        {
            SenderRolesJson = ParseSenderRoles(Read(SenderRolesKey)),
        };
    }

    private static string ParseSenderRoles(string? value)
    {
        if (value is null)
        {
            return "{}";
        }

        try
        {
            SenderRoles.Parse(value, SenderRolesKey);
            return value;
        }
        catch (InvalidOperationException e)
        {
            throw new DeploymentSettingsException($"Context value '{SenderRolesKey}': {e.Message}");
        }
    }

    private static RemovalPolicy ParseRemovalPolicy(string? value) => value?.ToLowerInvariant() switch
    {
        null or "retain" => RemovalPolicy.RETAIN,
        "destroy" => RemovalPolicy.DESTROY,
        "snapshot" => RemovalPolicy.SNAPSHOT,
        _ => throw new DeploymentSettingsException(
            $"Context value '{RemovalPolicyKey}' is '{value}'; expected one of: retain, destroy, snapshot."),
    };

    private static StateMachineType ParseWorkflowType(string? value) => value?.ToLowerInvariant() switch
    {
        null or "standard" => StateMachineType.STANDARD,
        "express" => StateMachineType.EXPRESS,
        _ => throw new DeploymentSettingsException(
            $"Context value '{WorkflowTypeKey}' is '{value}'; expected one of: standard, express."),
    };

    private static bool ParseBoolean(string key, string? value, bool defaultValue) => value?.ToLowerInvariant() switch
    {
        null => defaultValue,
        "true" => true,
        "false" => false,
        _ => throw new DeploymentSettingsException($"Context value '{key}' is '{value}'; expected true or false."),
    };

    private static RetentionDays ParseRetention(string? value)
    {
        if (value is null)
        {
            return RetentionDays.ONE_MONTH;
        }

        // CloudWatch Logs accepts only these retention periods; anything else is rejected at deploy time, so reject it now.
        return value switch
        {
            "1" => RetentionDays.ONE_DAY,
            "3" => RetentionDays.THREE_DAYS,
            "5" => RetentionDays.FIVE_DAYS,
            "7" => RetentionDays.ONE_WEEK,
            "14" => RetentionDays.TWO_WEEKS,
            "30" => RetentionDays.ONE_MONTH,
            "60" => RetentionDays.TWO_MONTHS,
            "90" => RetentionDays.THREE_MONTHS,
            "180" => RetentionDays.SIX_MONTHS,
            "365" => RetentionDays.ONE_YEAR,
            _ => throw new DeploymentSettingsException(
                $"Context value '{LogRetentionDaysKey}' is '{value}'; expected one of: 1, 3, 5, 7, 14, 30, 60, 90, 180, 365."),
        };
    }
}
