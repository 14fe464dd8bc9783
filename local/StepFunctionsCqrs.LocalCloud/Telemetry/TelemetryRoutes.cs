using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StepFunctionsCqrs.Functions.Json;

namespace StepFunctionsCqrs.LocalCloud.Telemetry;

/// <summary>
/// The in-process functions' telemetry on the edge, signed like <c>GET /meter</c>: a command's spans, a trace's
/// spans, and the metric totals, as JSON. On AWS the same spans are in X-Ray or the OTLP backend.
/// </summary>
public static class TelemetryRoutes
{
    /// <summary>The path the routes are served under.</summary>
    public const string Root = "/telemetry";

    /// <summary>The error code when nothing is kept for the command or trace asked for.</summary>
    public const string NoSpansCode = "NoSpans";

    /// <summary>Adds the routes; <paramref name="metrics"/> is null when the host does not total metrics.</summary>
    public static void Map(IEndpointRouteBuilder app, SpanStore store, MetricTotals? metrics)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(store);
        app.MapGet(Root + "/commands/{commandId}/spans", (string commandId) => store.ForCommand(commandId) is { } spans
            ? Results.Json(spans, HandlerJson.Options)
            : NoSpans($"The local cloud holds no spans of command '{commandId}': it never ran here, its trace was among the oldest dropped " +
                $"(the last {store.Limits.MaxTraces} traces are kept), or the host was started without collecting spans."));
        app.MapGet(Root + "/traces/{traceId}/spans", (string traceId) => store.ForTrace(traceId) is { } spans
            ? Results.Json(spans, HandlerJson.Options)
            : NoSpans($"The local cloud holds no trace '{traceId}' (the last {store.Limits.MaxTraces} traces are kept)."));
        app.MapGet(Root + "/metrics", () => Results.Json(metrics?.Read() ?? [], HandlerJson.Options));
    }

    private static IResult NoSpans(string message) =>
        Results.Json(new TelemetryError(NoSpansCode, message), HandlerJson.Options, statusCode: StatusCodes.Status404NotFound);
}
