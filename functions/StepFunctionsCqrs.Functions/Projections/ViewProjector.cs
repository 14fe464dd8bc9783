using Microsoft.Extensions.Logging;
using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Contracts;
using StepFunctionsCqrs.Functions.Json;
using StepFunctionsCqrs.Functions.Logging;
using StepFunctionsCqrs.Functions.Metrics;
using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Functions.Projections;

/// <summary>What every projection function does: read the commit, map its changes to rows, write them version-guarded.</summary>
/// <param name="viewName">The view's name in the function's result.</param>
/// <param name="project">The domain's pure projection of one aggregate change.</param>
/// <param name="view">The read store.</param>
/// <param name="log">Where each projection's line goes.</param>
/// <param name="clock">The clock the view's lag behind the command is read on.</param>
public sealed class ViewProjector<TRow>(string viewName, Func<AggregateChange, IReadOnlyList<TRow>> project, IProjectedView<TRow> view, ILogger log, TimeProvider clock)
{
    /// <summary>Handles one projection request from the state machine.</summary>
    public async Task<Stream> HandleAsync(Stream input)
    {
        var request = await HandlerJson.ReadAsync<ProjectRequest>(input).ConfigureAwait(false);
        return await InvocationLog.RunAsync(log, InvocationLog.CommandScope($"Project{viewName}", request.Commit.CommandId, request.ExecutionId), async () =>
        {
            var rows = request.Commit.Changes.SelectMany(project).ToList();
            await view.ApplyAsync(rows, CancellationToken.None).ConfigureAwait(false);
            if (request.Sqs is { SentTimestamp: > 0 } sqs)
            {
                PipelineMetrics.Projected(viewName, DateTimeOffset.FromUnixTimeMilliseconds(sqs.SentTimestamp), clock.GetUtcNow());
            }

            var fields = new Dictionary<string, object?> { ["rows"] = rows.Count };
            if (request.Commit.Changes is [var first, ..])
            {
                fields["aggregateId"] = first.AggregateId;
                fields["version"] = first.Version;
            }

            return new InvocationResult(HandlerJson.Write(new ProjectResult(viewName, request.Commit.CommandId, rows.Count)), "Projected", fields);
        }, request.Sqs?.TraceParent).ConfigureAwait(false);
    }
}
