using StepFunctionsCqrs.Cli.Configuration;

namespace StepFunctionsCqrs.EndToEnd.Tests.Targets;

/// <summary>A deployed LocalStack stack, selected with E2E_TARGET=localstack; its resource names come from the same variables the CLI reads.</summary>
public sealed class LocalStackTarget : ITarget
{
    /// <summary>The variable selecting the target.</summary>
    public const string TargetVariable = "E2E_TARGET";

    private static readonly string[] Passed =
    [
        "AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", CliSettings.CommandsQueueUrlVariable, CliSettings.DeadLetterQueueUrlVariable,
        CliSettings.StateMachineArnVariable, CliSettings.ReadApiUrlVariable, CliSettings.TablePrefixVariable,
        "COMMIT_LOG_TABLE", "AVAILABILITY_VIEW_TABLE", "GUEST_BOOKINGS_VIEW_TABLE", "ARRIVALS_VIEW_TABLE", "COMMAND_STATUS_VIEW_TABLE",
    ];

    private LocalStackTarget(Uri endpoint) => Endpoint = endpoint;

    /// <summary>LocalStack's edge.</summary>
    public Uri Endpoint { get; }

    /// <inheritdoc />
    public string Name => "LocalStack";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Environment
    {
        get
        {
            var values = new Dictionary<string, string>
            {
                ["AWS_ENDPOINT_URL"] = Endpoint.ToString().TrimEnd('/'),
                ["AWS_REGION"] = "us-east-1",
                ["AWS_ACCESS_KEY_ID"] = "test",
                ["AWS_SECRET_ACCESS_KEY"] = "test",
            };
            foreach (var name in Passed)
            {
                if (System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
                {
                    values[name] = value;
                }
            }

            return values;
        }
    }

    /// <inheritdoc />
    public (string AccessKeyId, string Secret) StrangerCredentials => ("AKIDSTRANGER", "stranger-secret");

    /// <inheritdoc />
    /// <remarks>LocalStack's free edition checks no signatures.</remarks>
    public (string AccessKeyId, string Secret)? ForgedCredentials => null;

    /// <summary>Why LocalStack scenarios cannot run here, or null when they can (E2E_TARGET=localstack and LocalStack answers).</summary>
    public static string? Unavailable { get; } = Probe();

    /// <summary>The target, when <see cref="Unavailable"/> is null.</summary>
    public static LocalStackTarget Create() => new(EndpointFromEnvironment());

    private static Uri EndpointFromEnvironment() =>
        new(System.Environment.GetEnvironmentVariable("LOCALSTACK_ENDPOINT") ?? System.Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL") ?? "http://localhost:4566");

    private static string? Probe()
    {
        if (!string.Equals(System.Environment.GetEnvironmentVariable(TargetVariable), "localstack", StringComparison.OrdinalIgnoreCase))
        {
            return $"{TargetVariable} is not 'localstack'; set it (and start LocalStack and deploy the stack) to run these scenarios against LocalStack.";
        }

        var endpoint = EndpointFromEnvironment();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
            using var response = http.GetAsync(new Uri(endpoint, "/_localstack/health")).GetAwaiter().GetResult();
            return response.IsSuccessStatusCode ? null : $"LocalStack at {endpoint} answered its health check with {(int)response.StatusCode}.";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return $"E2E_TARGET=localstack but nothing answers at {endpoint} ({e.Message}); start it with 'docker compose -f docker-compose.localstack.yml up' and deploy the stack.";
        }
    }
}
