using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl;
using StepFunctionsCqrs.Asl.Common;

namespace StepFunctionsCqrs.LocalCloud.Tests.WebConsole;

/// <summary>
/// Stands in for the Lambda functions behind Task states: each function answers with a scripted result after failing
/// a scripted number of times, counted per function and per input "id" (so Map iterations fail independently).
/// An input of {"id": ..., "failures": n, "error": ...} fails its first n calls with that error.
/// </summary>
public sealed class FlakyLambdas : ITaskInvoker
{
    private readonly Dictionary<string, Func<JsonNode?, JsonNode?>> results = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Failures, string Error)> failing = new(StringComparer.Ordinal);
    private readonly HashSet<string> hanging = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);

    /// <summary>The function ARN for a short name.</summary>
    public static string Arn(string function) => $"arn:aws:lambda:us-east-1:000000000000:function:{function}";

    /// <summary>Makes <paramref name="function"/> answer with <paramref name="result"/>.</summary>
    public FlakyLambdas Returns(string function, Func<JsonNode?, JsonNode?> result)
    {
        results[Arn(function)] = result;
        return this;
    }

    /// <summary>Makes the first <paramref name="failures"/> calls of <paramref name="function"/> fail with <paramref name="error"/>.</summary>
    public FlakyLambdas Fails(string function, int failures, string error)
    {
        failing[Arn(function)] = (failures, error);
        return this;
    }

    /// <summary>Makes <paramref name="function"/> never answer, so the execution stays running.</summary>
    public FlakyLambdas Hangs(string function)
    {
        hanging.Add(Arn(function));
        return this;
    }

    /// <summary>How many times a function was called.</summary>
    public int CallsTo(string function) => calls.GetValueOrDefault(Arn(function));

    /// <inheritdoc />
    public async ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        var call = calls.AddOrUpdate(invocation.Resource, 1, (_, n) => n + 1);
        if (hanging.Contains(invocation.Resource))
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (failing.TryGetValue(invocation.Resource, out var scripted) && call <= scripted.Failures)
        {
            throw new StatesException(scripted.Error, $"{scripted.Error} on call {call}");
        }

        if (invocation.Input?["failures"] is JsonValue perInput && perInput.TryGetValue<int>(out var failures))
        {
            var key = invocation.Resource + "#" + invocation.Input["id"]?.ToJsonString();
            var perInputCall = calls.AddOrUpdate(key, 1, (_, n) => n + 1);
            if (perInputCall <= failures)
            {
                var error = invocation.Input["error"]?.GetValue<string>() ?? "Flaky";
                throw new StatesException(error, $"{error} on call {perInputCall}");
            }
        }

        return results.TryGetValue(invocation.Resource, out var result) ? result(invocation.Input) : new JsonObject { ["ok"] = true };
    }
}
