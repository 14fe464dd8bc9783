using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using StepFunctionsCqrs.Functions.Commands;
using StepFunctionsCqrs.Functions.Errors;
using StepFunctionsCqrs.Functions.Tracing;

namespace StepFunctionsCqrs.Functions.Logging;

/// <summary>
/// One handler invocation in the log and the trace: the command's fields as a scope on every line it writes and as tags
/// of its span, a Debug line with the outcome and duration when it ends, and when it throws a line naming the error the
/// workflow will match (Warning for the ones it retries, Error for the rest) and a span marked failed with it.
/// </summary>
public static class InvocationLog
{
    /// <summary>Runs <paramref name="body"/> inside the scope and a span continuing <paramref name="traceParent"/>, and logs how it ended.</summary>
    public static async Task<Stream> RunAsync(
        ILogger logger, IReadOnlyDictionary<string, object?> scope, Func<Task<InvocationResult>> body, string? traceParent = null)
    {
        HandlerTelemetry.EnsureStarted();
        var state = scope.GetValueOrDefault("state") as string ?? "Handler";
        // Ended in the finally below, before the flush, so the span is complete when it is sent.
        var span = PipelineTrace.Source.StartActivity(state, ActivityKind.Server, PipelineTrace.ParentFrom(traceParent));
        if (span is not null)
        {
            foreach (var (key, value) in scope.Where(p => p.Value is not null))
            {
                span.SetTag(key == "commandId" ? PipelineTrace.CommandIdTag : $"cqrs.{key}", value);
            }
        }

        using var _ = logger.BeginScope(scope);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await body().ConfigureAwait(false);
            span?.SetTag("cqrs.outcome", result.Outcome);
            foreach (var (key, value) in result.Fields ?? new Dictionary<string, object?>())
            {
                span?.SetTag($"cqrs.{key}", value);
            }

            if (logger.IsEnabled(LogLevel.Debug))
            {
                using var fields = result.Fields is null ? null : logger.BeginScope(result.Fields);
                logger.LogDebug("{State} ended {Outcome} in {DurationMs} ms", state, result.Outcome, Elapsed(started));
            }

            return result.Response;
        }
        catch (Exception e)
        {
            var level = e is ConcurrencyConflict or TransientStoreError ? LogLevel.Warning : LogLevel.Error;
            logger.Log(level, e, "{State} failed with {ErrorName} after {DurationMs} ms", state, e.GetType().Name, Elapsed(started));
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            span?.SetTag("error.type", e.GetType().Name);
            throw;
        }
        finally
        {
            span?.Dispose();
            HandlerTelemetry.Flush();
        }
    }

    /// <summary>The scope of a handler working on one command: its ids read from the envelope as sent, cut to their limits.</summary>
    public static Dictionary<string, object?> CommandScope(string state, JsonElement command, string? executionArn) => new()
    {
        ["state"] = state,
        ["commandId"] = Field(command, "commandId", Identifiers.MaxCommandIdLength),
        ["correlationId"] = Field(command, "correlationId", FieldLimits.MaxCorrelationIdLength),
        ["executionArn"] = executionArn,
    };

    /// <summary>The scope of a handler working on a command whose envelope it does not hold.</summary>
    public static Dictionary<string, object?> CommandScope(string state, string? commandId, string? executionArn) => new()
    {
        ["state"] = state,
        ["commandId"] = commandId,
        ["executionArn"] = executionArn,
    };

    // A rejected envelope may hold anything; the log keeps only what its limits allow.
    private static string? Field(JsonElement command, string name, int limit) =>
        command.ValueKind == JsonValueKind.Object && command.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() is { } text && text.Length > limit ? text[..limit] + "…" : value.GetString()
            : null;

    private static double Elapsed(long started) => Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2);
}

/// <summary>What a handler answered, the outcome word its log line gives, and fields only known at the end.</summary>
public sealed record InvocationResult(Stream Response, string Outcome, IReadOnlyDictionary<string, object?>? Fields = null);
