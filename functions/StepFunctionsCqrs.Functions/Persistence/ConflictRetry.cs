using Polly;
using Polly.Retry;
using StepFunctionsCqrs.Functions.Errors;

namespace StepFunctionsCqrs.Functions.Persistence;

/// <summary>
/// How Persist retries an append that lost the race for a version: it re-reads the newer commits and decides again,
/// after a short jittered back-off so racing deciders spread out. The workflow's Retry on ConcurrencyConflict stays
/// the outer net for a conflict that outlasts these attempts; each of its retries costs an invocation and transitions.
/// </summary>
public static class ConflictRetry
{
    /// <summary>Retries inside one invocation by default.</summary>
    public const int DefaultRetries = 8;

    /// <summary>
    /// A pipeline that retries <see cref="ConcurrencyConflict"/> up to <paramref name="retries"/> times, waiting on
    /// <paramref name="delayClock"/>; <paramref name="onRetry"/> hears of each retry with its number, from 1.
    /// </summary>
    public static ResiliencePipeline Create(TimeProvider delayClock, int retries = DefaultRetries, Action<int>? onRetry = null) =>
        new ResiliencePipelineBuilder { TimeProvider = delayClock }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<ConcurrencyConflict>(),
                MaxRetryAttempts = retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(4),
                MaxDelay = TimeSpan.FromMilliseconds(250),
                OnRetry = args =>
                {
                    // The trace shows each attempt: the failed append is a span of its own, and this marks the retry.
                    System.Diagnostics.Activity.Current?.AddEvent(new System.Diagnostics.ActivityEvent("ConcurrencyConflict retried",
                        tags: new System.Diagnostics.ActivityTagsCollection { ["attempt"] = args.AttemptNumber + 1 }));
                    onRetry?.Invoke(args.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
}
