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

    /// <summary>How the HTTP API authenticates callers: IAM (default) or JWT.</summary>
    public ApiAuthScheme ApiAuth { get; init; } = ApiAuthScheme.Iam;

    /// <summary>The JWT issuer URL (the token's <c>iss</c>); required with JWT authentication.</summary>
    public string? JwtIssuer { get; init; }

    /// <summary>Audiences a JWT must carry one of (<c>aud</c>, or <c>client_id</c> for access tokens); required with JWT authentication.</summary>
    public IReadOnlyList<string> JwtAudience { get; init; } = [];

    /// <summary>The top-level JWT claim listing the caller's groups, which become its roles.</summary>
    public string JwtGroupsClaim { get; init; } = DefaultJwtGroupsClaim;

    /// <summary>API callers and their roles, as the JSON object Validate and Query read (principal to roles).</summary>
    public string CallerRolesJson { get; init; } = "{}";

    /// <summary>Most concurrent dispatcher invocations the commands queue may drive.</summary>
    public int DispatchMaxConcurrency { get; init; } = DefaultDispatchMaxConcurrency;

    /// <summary>Concurrency reserved for (and capping) the query function; null reserves none.</summary>
    public int? QueryReservedConcurrency { get; init; } = DefaultQueryReservedConcurrency;

    /// <summary>Steady requests per second the API's default stage accepts across all routes.</summary>
    public double ApiThrottleRate { get; init; } = DefaultApiThrottleRate;

    /// <summary>Requests the API's default stage accepts in a burst above the steady rate.</summary>
    public int ApiThrottleBurst { get; init; } = DefaultApiThrottleBurst;

    /// <summary>Which execution events the state machine logs.</summary>
    public LogLevel ExecutionLogLevel { get; init; } = LogLevel.ERROR;

    /// <summary>Whether logged execution events carry state inputs and outputs (commands and their actors).</summary>
    public bool IncludeExecutionData { get; init; }

    /// <summary>An address subscribed to the alarm topic, or null for none.</summary>
    public string? AlarmEmail { get; init; }

    /// <summary>Whether alarms notify an SNS topic; off only where SNS is not served (the LocalStack compose file).</summary>
    public bool AlarmTopic { get; init; } = true;

    /// <summary>Context key that turns the alarm topic on or off (true, false).</summary>
    public const string AlarmTopicKey = "alarmTopic";

    /// <summary>Context key for the API authentication scheme (iam, jwt).</summary>
    public const string ApiAuthKey = "apiAuth";

    /// <summary>Context key for the JWT issuer URL.</summary>
    public const string JwtIssuerKey = "jwtIssuer";

    /// <summary>Context key for the accepted JWT audiences (comma-separated).</summary>
    public const string JwtAudienceKey = "jwtAudience";

    /// <summary>Context key for the JWT groups claim name.</summary>
    public const string JwtGroupsClaimKey = "jwtGroupsClaim";

    /// <summary>Context key for API caller roles (a JSON object of principal to roles).</summary>
    public const string CallerRolesKey = "callerRoles";

    /// <summary>Context key for the dispatcher's maximum concurrency.</summary>
    public const string DispatchMaxConcurrencyKey = "dispatchMaxConcurrency";

    /// <summary>Context key for the query function's reserved concurrency (a number, or none).</summary>
    public const string QueryReservedConcurrencyKey = "queryReservedConcurrency";

    /// <summary>Context key for the API's steady request rate.</summary>
    public const string ApiThrottleRateKey = "apiThrottleRate";

    /// <summary>Context key for the API's burst limit.</summary>
    public const string ApiThrottleBurstKey = "apiThrottleBurst";

    /// <summary>Context key for the execution log level (ALL, ERROR, FATAL, OFF).</summary>
    public const string ExecutionLogLevelKey = "executionLogLevel";

    /// <summary>Context key that puts state inputs and outputs into the execution log (true, false).</summary>
    public const string IncludeExecutionDataKey = "includeExecutionData";

    /// <summary>Context key for the e-mail address alarms notify.</summary>
    public const string AlarmEmailKey = "alarmEmail";

    /// <summary>The groups claim the query function assumes when none is configured, so both paths agree by default.</summary>
    public const string DefaultJwtGroupsClaim = StepFunctionsCqrs.Functions.Queries.ApiCaller.DefaultGroupsClaim;

    /// <summary>Enough dispatchers to keep the pipeline busy, few enough that a flood of commands cannot exhaust the account's Lambda concurrency.</summary>
    public const int DefaultDispatchMaxConcurrency = 10;

    /// <summary>SQS event sources accept a maximum concurrency from 2 to 1000.</summary>
    public const int MinDispatchMaxConcurrency = 2;

    /// <summary>Upper bound SQS event sources accept.</summary>
    public const int MaxDispatchMaxConcurrency = 1000;

    /// <summary>
    /// Reads are single-digit-millisecond DynamoDB lookups, so 20 concurrent queries serve well over a thousand requests a
    /// second, while a flood of reads can never take the concurrency the pipeline's functions need.
    /// </summary>
    public const int DefaultQueryReservedConcurrency = 20;

    /// <summary>Default steady rate: far above what one team's clients send, far below the account's API Gateway quota.</summary>
    public const double DefaultApiThrottleRate = 50;

    /// <summary>Default burst: two seconds of the steady rate.</summary>
    public const int DefaultApiThrottleBurst = 100;

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
            SenderRolesJson = ParseRoles(SenderRolesKey, Read(SenderRolesKey), json => SenderRoles.Parse(json, SenderRolesKey)),
            CallerRolesJson = ParseRoles(CallerRolesKey, Read(CallerRolesKey), json => CallerRoles.Parse(json, CallerRolesKey)),
            DispatchMaxConcurrency = ParseInteger(
                DispatchMaxConcurrencyKey, Read(DispatchMaxConcurrencyKey), DefaultDispatchMaxConcurrency, MinDispatchMaxConcurrency, MaxDispatchMaxConcurrency),
            QueryReservedConcurrency = ParseReservedConcurrency(Read(QueryReservedConcurrencyKey)),
            ApiThrottleRate = ParseRate(Read(ApiThrottleRateKey)),
            ApiThrottleBurst = ParseInteger(ApiThrottleBurstKey, Read(ApiThrottleBurstKey), DefaultApiThrottleBurst, 0, 5000),
            ExecutionLogLevel = ParseLogLevel(Read(ExecutionLogLevelKey)),
            IncludeExecutionData = ParseBoolean(IncludeExecutionDataKey, Read(IncludeExecutionDataKey), defaultValue: false),
            AlarmEmail = ParseEmail(Read(AlarmEmailKey)),
            AlarmTopic = ParseBoolean(AlarmTopicKey, Read(AlarmTopicKey), defaultValue: true),
        }.WithApiAuth(Read(ApiAuthKey), Read(JwtIssuerKey), Read(JwtAudienceKey), Read(JwtGroupsClaimKey)).WithAlarmTopicChecked();
    }

    private DeploymentSettings WithAlarmTopicChecked() =>
        AlarmEmail is not null && !AlarmTopic
            ? throw new DeploymentSettingsException($"Context value '{AlarmEmailKey}' needs the alarm topic; '{AlarmTopicKey}' is 'false'.")
            : this;

    private DeploymentSettings WithApiAuth(string? scheme, string? issuer, string? audience, string? groupsClaim)
    {
        var auth = scheme?.ToLowerInvariant() switch
        {
            null or "iam" => ApiAuthScheme.Iam,
            "jwt" => ApiAuthScheme.Jwt,
            _ => throw new DeploymentSettingsException($"Context value '{ApiAuthKey}' is '{scheme}'; expected one of: iam, jwt."),
        };

        // The claim name is placed into the API's parameter mapping, which takes top-level claims whose names are
        // letters, digits and underscores only; anything else could not be mapped, and quotes could break the mapping.
        var claim = groupsClaim ?? DefaultJwtGroupsClaim;
        if (!System.Text.RegularExpressions.Regex.IsMatch(claim, @"\A[A-Za-z0-9_]{1,64}\z"))
        {
            throw new DeploymentSettingsException(
                $"Context value '{JwtGroupsClaimKey}' is '{claim}'; expected a top-level claim name of letters, digits and underscores "
                + "(API Gateway cannot map names such as 'cognito:groups'; add a claim without the colon in the identity provider).");
        }

        if (auth == ApiAuthScheme.Iam)
        {
            if (issuer is not null || audience is not null)
            {
                throw new DeploymentSettingsException(
                    $"Context values '{JwtIssuerKey}' and '{JwtAudienceKey}' apply only with '{ApiAuthKey}' = 'jwt'; '{ApiAuthKey}' is 'iam'.");
            }

            return this with { ApiAuth = auth, JwtGroupsClaim = claim };
        }

        if (issuer is null || !Uri.TryCreate(issuer, UriKind.Absolute, out var issuerUri) || issuerUri.Scheme != Uri.UriSchemeHttps)
        {
            throw new DeploymentSettingsException(
                $"Context value '{JwtIssuerKey}' is '{issuer}'; '{ApiAuthKey}' = 'jwt' needs the issuer's https URL, exactly as in the tokens' 'iss' claim.");
        }

        var audiences = (audience ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (audiences.Length == 0)
        {
            throw new DeploymentSettingsException(
                $"Context value '{JwtAudienceKey}' is '{audience}'; '{ApiAuthKey}' = 'jwt' needs at least one audience (comma-separated) the tokens must carry.");
        }

        return this with { ApiAuth = auth, JwtIssuer = issuer, JwtAudience = audiences, JwtGroupsClaim = claim };
    }

    private static string ParseRoles(string key, string? value, Action<string> parse)
    {
        if (value is null)
        {
            return "{}";
        }

        try
        {
            parse(value);
            return value;
        }
        catch (InvalidOperationException e)
        {
            throw new DeploymentSettingsException($"Context value '{key}': {e.Message}");
        }
    }

    private static int ParseInteger(string key, string? value, int defaultValue, int min, int max)
    {
        if (value is null)
        {
            return defaultValue;
        }

        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max
            ? parsed
            : throw new DeploymentSettingsException($"Context value '{key}' is '{value}'; expected a whole number from {min} to {max}.");
    }

    private static int? ParseReservedConcurrency(string? value) =>
        value?.ToLowerInvariant() == "none"
            ? null
            : ParseInteger(QueryReservedConcurrencyKey, value, DefaultQueryReservedConcurrency, 0, 1000);

    private static double ParseRate(string? value)
    {
        if (value is null)
        {
            return DefaultApiThrottleRate;
        }

        return double.TryParse(value, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var rate)
            && rate is > 0 and <= 10000
            ? rate
            : throw new DeploymentSettingsException($"Context value '{ApiThrottleRateKey}' is '{value}'; expected requests per second above 0 and at most 10000.");
    }

    private static LogLevel ParseLogLevel(string? value) => value?.ToUpperInvariant() switch
    {
        null or "ERROR" => LogLevel.ERROR,
        "ALL" => LogLevel.ALL,
        "FATAL" => LogLevel.FATAL,
        "OFF" => LogLevel.OFF,
        _ => throw new DeploymentSettingsException(
            $"Context value '{ExecutionLogLevelKey}' is '{value}'; expected one of: ALL, ERROR, FATAL, OFF."),
    };

    private static string? ParseEmail(string? value) =>
        value is null || System.Text.RegularExpressions.Regex.IsMatch(value, @"\A[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+\z")
            ? value
            : throw new DeploymentSettingsException($"Context value '{AlarmEmailKey}' is '{value}'; expected one e-mail address.");

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
