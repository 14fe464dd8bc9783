using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace StepFunctionsCqrs.Functions.StepFunctions;

/// <summary>Where the Step Functions API is, which region signs the requests, and whose credentials sign them.</summary>
public sealed record StepFunctionsClientOptions(Uri Endpoint, string Region, AWSCredentials Credentials)
{
    /// <summary>The signing name of Step Functions.</summary>
    public const string SigningServiceName = "states";

    /// <summary>Attempts per call, counting the first; throttling, 5xx and connection failures are retried.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The base of the exponential backoff; each wait is a random fraction of base × 2^attempt.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Reads the standard AWS settings: AWS_ENDPOINT_URL_SFN, then AWS_ENDPOINT_URL, else the public
    /// regional endpoint; AWS_REGION, then AWS_DEFAULT_REGION; credentials from the default chain.
    /// </summary>
    public static StepFunctionsClientOptions FromEnvironment(AWSCredentials? credentials = null) =>
        FromEnvironment(Environment.GetEnvironmentVariable, credentials);

    /// <summary>Same as <see cref="FromEnvironment(AWSCredentials?)"/>, reading variables through <paramref name="variable"/>.</summary>
    public static StepFunctionsClientOptions FromEnvironment(Func<string, string?> variable, AWSCredentials? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var region = NonEmpty(variable("AWS_REGION")) ?? NonEmpty(variable("AWS_DEFAULT_REGION"))
            ?? throw new InvalidOperationException(
                "No AWS region configured for the Step Functions client: set AWS_REGION or AWS_DEFAULT_REGION.");

        var ignoreConfigured = string.Equals(variable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase);
        var configured = ignoreConfigured
            ? null
            : NonEmpty(variable("AWS_ENDPOINT_URL_SFN")) ?? NonEmpty(variable("AWS_ENDPOINT_URL"));
        var endpoint = configured is null
            ? new Uri($"https://states.{region}.amazonaws.com/")
            : ParseEndpoint(configured);

        return new StepFunctionsClientOptions(
            endpoint,
            region,
            credentials ?? DefaultAWSCredentialsIdentityResolver.GetCredentials(null));
    }

    private static Uri ParseEndpoint(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InvalidOperationException(
                $"The Step Functions endpoint '{value}' (from AWS_ENDPOINT_URL_SFN or AWS_ENDPOINT_URL) is not an absolute http or https URL.");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
