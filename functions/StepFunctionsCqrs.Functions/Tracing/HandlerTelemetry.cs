using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace StepFunctionsCqrs.Functions.Tracing;

/// <summary>
/// The handlers' OpenTelemetry SDK, configured by the standard <c>OTEL_*</c> variables: spans go to the OTLP exporter when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and nowhere otherwise, when no span is even made. Each invocation flushes
/// what it recorded, since Lambda may freeze the process as soon as a handler returns.
/// </summary>
public static class HandlerTelemetry
{
    /// <summary>The variable that turns export on.</summary>
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private static readonly Lazy<TracerProvider?> Shared = new(Start);

    /// <summary>Starts the SDK if the environment asks for it; harmless to call on every invocation.</summary>
    public static void EnsureStarted() => _ = Shared.Value;

    /// <summary>Sends what this invocation recorded before the handler returns.</summary>
    public static void Flush()
    {
        if (Shared.IsValueCreated && Shared.Value is { } provider)
        {
            provider.ForceFlush(timeoutMilliseconds: 2_000);
        }
    }

    private static TracerProvider? Start()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EndpointVariable)))
        {
            return null;
        }

        // OTEL_SERVICE_NAME wins when set; a Lambda function is otherwise named after itself.
        var service = Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME") ?? "StepFunctionsCqrs";
        return Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(resource => resource.AddService(service))
            .AddSource(PipelineTrace.SourceName)
            .AddOtlpExporter()
            .Build();
    }
}
