using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SQS;
using StepFunctionsCqrs.Infra.Configuration;

namespace StepFunctionsCqrs.Infra.Api;

/// <summary>What the HTTP API fronts: the query function for reads, the commands queue for writes.</summary>
/// <param name="Query">The read-only query function.</param>
/// <param name="Commands">The commands queue.</param>
public sealed record ApiProps(IFunction Query, IQueue Commands)
{
    /// <summary>How callers authenticate.</summary>
    public ApiAuthScheme Auth { get; init; } = ApiAuthScheme.Iam;

    /// <summary>The JWT issuer URL; required with <see cref="ApiAuthScheme.Jwt"/>.</summary>
    public string? JwtIssuer { get; init; }

    /// <summary>Accepted JWT audiences; at least one with <see cref="ApiAuthScheme.Jwt"/>.</summary>
    public IReadOnlyList<string> JwtAudience { get; init; } = [];

    /// <summary>The top-level claim listing a JWT caller's groups.</summary>
    public string JwtGroupsClaim { get; init; } = DeploymentSettings.DefaultJwtGroupsClaim;

    /// <summary>Steady requests per second of the default stage.</summary>
    public double ThrottleRate { get; init; } = DeploymentSettings.DefaultApiThrottleRate;

    /// <summary>Burst limit of the default stage.</summary>
    public int ThrottleBurst { get; init; } = DeploymentSettings.DefaultApiThrottleBurst;

    /// <summary>Retention of the access log group.</summary>
    public RetentionDays LogRetention { get; init; } = RetentionDays.ONE_MONTH;

    /// <summary>What happens to the access log group when the stack is deleted.</summary>
    public RemovalPolicy RemovalPolicy { get; init; } = RemovalPolicy.RETAIN;

    /// <summary>Throws when a target is missing or JWT authentication lacks its issuer or audience.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Query);
        ArgumentNullException.ThrowIfNull(Commands);
        if (Auth == ApiAuthScheme.Jwt && (string.IsNullOrWhiteSpace(JwtIssuer) || JwtAudience.Count == 0))
        {
            throw new ArgumentException("JWT authentication needs an issuer and at least one audience.", nameof(JwtIssuer));
        }

        if (ThrottleRate <= 0 || ThrottleBurst < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ThrottleRate), "The stage's rate must be above 0 and its burst not negative.");
        }
    }
}
