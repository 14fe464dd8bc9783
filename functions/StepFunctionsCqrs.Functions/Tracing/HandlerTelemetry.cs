using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using StepFunctionsCqrs.Functions.Metrics;

namespace StepFunctionsCqrs.Functions.Tracing;

/// <summary>
/// The handlers' telemetry, configured by the environment. The OpenTelemetry SDK, by the standard <c>OTEL_*</c>
/// variables: spans and metrics go to the OTLP exporter when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and nowhere
/// otherwise, when no span is even made. CloudWatch embedded metric format on stdout when
/// <see cref="EmbeddedMetricFormat.NamespaceVariable"/> is set. Each invocation flushes what it recorded, since Lambda
/// may freeze the process as soon as a handler returns.
/// </summary>
public static class HandlerTelemetry
{
    /// <summary>The variable that turns export on.</summary>
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private static readonly Lazy<Providers> Shared = new(Start);

    /// <summary>Starts the SDK if the environment asks for it; harmless to call on every invocation.</summary>
    public static void EnsureStarted() => _ = Shared.Value;

    /// <summary>Sends what this invocation recorded before the handler returns.</summary>
    public static void Flush()
    {
        if (!Shared.IsValueCreated)
        {
            return;
        }

        var providers = Shared.Value;
        providers.Traces?.ForceFlush(timeoutMilliseconds: 2_000);
        providers.Metrics?.ForceFlush(timeoutMilliseconds: 2_000);
        providers.Embedded?.Flush();
    }

    private static Providers Start()
    {
        var embedded = Environment.GetEnvironmentVariable(EmbeddedMetricFormat.NamespaceVariable) is { Length: > 0 } metricsNamespace
            ? new EmbeddedMetricFormat(metricsNamespace, Console.Out, TimeProvider.System)
            : null;
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EndpointVariable)))
        {
            return new Providers(null, null, embedded);
        }

        // OTEL_SERVICE_NAME wins when set; a Lambda function is otherwise named after itself.
        var service = Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME") ?? "StepFunctionsCqrs";
        var traces = Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(resource => resource.AddService(service))
            .AddSource(PipelineTrace.SourceName)
            .AddOtlpExporter()
            .Build();
        var metrics = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(resource => resource.AddService(service))
            .AddMeter(PipelineMetrics.MeterName)
            .AddOtlpExporter()
            .Build();
        return new Providers(traces, metrics, embedded);
    }

    private sealed record Providers(TracerProvider? Traces, MeterProvider? Metrics, EmbeddedMetricFormat? Embedded);
}
