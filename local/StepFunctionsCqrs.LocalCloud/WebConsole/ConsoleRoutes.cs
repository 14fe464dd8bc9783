using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StepFunctionsCqrs.Functions.Json;
using StepFunctionsCqrs.LocalCloud.WebConsole.Commands;
using StepFunctionsCqrs.LocalCloud.WebConsole.Executions;
using StepFunctionsCqrs.LocalCloud.WebConsole.Listing;
using StepFunctionsCqrs.LocalCloud.WebConsole.Queues;

namespace StepFunctionsCqrs.LocalCloud.WebConsole;

/// <summary>The console under <c>/console/</c>: its pages, its files and the JSON its pages read.</summary>
public static class ConsoleRoutes
{
    /// <summary>The path the console is served under.</summary>
    public const string Root = "/console";

    /// <summary>
    /// The header the console's own pages send with every call of its JSON: a page of another origin cannot send it
    /// without CORS, which the edge never grants, so it can neither read the JSON nor make the console peek at or
    /// redrive the dead letters.
    /// </summary>
    public const string RequestHeader = "X-Console-Request";

    /// <summary>Adds the console's routes.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Root + "/assets/{**path}", (HttpContext context, string path) =>
            context.RequestServices.GetRequiredService<ConsoleAssets>().ServeAsync(context, path));
        app.MapGet(Root + "/api/executions", (HttpContext context, ExecutionListing listing) =>
            AnswerAsync(context, () => listing.PageAsync(context.Request.Query, context.RequestAborted)));
        app.MapGet(Root + "/api/executions/{machine}/{name}", (HttpContext context, ExecutionInspector inspector, string machine, string name) =>
            AnswerAsync(context, () => inspector.InspectAsync(machine, name, context.RequestAborted)));
        app.MapGet(Root + "/api/commands/{commandId}", (HttpContext context, CommandInspector inspector, string commandId) =>
            AnswerAsync(context, () => inspector.InspectAsync(commandId, context.RequestAborted)));
        app.MapGet(Root + "/api/queues", (HttpContext context, QueueInspector queues) =>
            AnswerAsync(context, () => queues.OverviewAsync(context.RequestAborted)));
        app.MapPost(Root + "/api/queues/redrive", (HttpContext context, QueueInspector queues) =>
            AnswerAsync(context, () => RedriveAsync(context, queues)));
        app.Map(Root + "/api/{**rest}", (HttpContext context, string? rest) =>
            AnswerAsync<object>(context, () => throw ConsoleProblem.NotFound("ApiNotFound", $"The console has no {context.Request.Method} /console/api/{rest}.")));
        app.MapGet(Root + "/{**path}", (HttpContext context, string? path) =>
            context.RequestServices.GetRequiredService<ConsolePages>().ServeAsync(context, path));

        // The console is exempt from signatures, so nothing under it may fall through to the signed services' routes.
        app.MapMethods(Root + "/{**path}", [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete], (HttpContext context, string? path) =>
            AnswerAsync<object>(context, () => throw new ConsoleProblem(StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed",
                $"The console takes no {context.Request.Method} at /console/{path}; its one write is POST /console/api/queues/redrive."), fromPage: false));
    }

    private static Task<Functions.DeadLetters.RedriveOutcome> RedriveAsync(HttpContext context, QueueInspector queues) =>
        queues.RedriveAsync(context.RequestAborted);

    private static async Task AnswerAsync<T>(HttpContext context, Func<Task<T>> answer, bool fromPage = true)
    {
        ConsoleHeaders.Apply(context.Response);
        try
        {
            if (fromPage && !context.Request.Headers.ContainsKey(RequestHeader))
            {
                throw new ConsoleProblem(StatusCodes.Status403Forbidden, "NotFromConsole",
                    $"The console's JSON answers only requests carrying the {RequestHeader} header, which its own pages send.");
            }

            var value = await answer().ConfigureAwait(false);
            await Results.Json(value, HandlerJson.Options).ExecuteAsync(context).ConfigureAwait(false);
        }
        catch (ConsoleProblem problem)
        {
            await Results.Json(new ConsoleError(problem.Code, problem.Message, problem.Parameter), HandlerJson.Options, statusCode: problem.StatusCode)
                .ExecuteAsync(context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A service behind the edge failed; the page says which and why rather than a bare 500.
            await Results.Json(new ConsoleError("UpstreamError", $"{e.GetType().Name}: {e.Message}", null), HandlerJson.Options, statusCode: StatusCodes.Status502BadGateway)
                .ExecuteAsync(context).ConfigureAwait(false);
        }
    }
}

/// <summary>The console API's error body.</summary>
public sealed record ConsoleError(string Code, string Message, string? Parameter);
