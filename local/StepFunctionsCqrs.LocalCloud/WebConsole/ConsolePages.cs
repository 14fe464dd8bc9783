using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace StepFunctionsCqrs.LocalCloud.WebConsole;

/// <summary>
/// The console's page addresses. Each known page answers the same shell, whose script draws the view the address
/// names; its parameters are checked here first, so a bad one is a 400 naming it, and an unknown address a 404.
/// </summary>
public sealed class ConsolePages(ConsoleAssets assets, Listing.ExecutionListing listing)
{
    /// <summary>The views an execution page can open on.</summary>
    public static readonly string[] ExecutionViews = ["graph", "table", "events"];

    /// <summary>Answers the page at <paramref name="path"/> (below <c>/console/</c>).</summary>
    public async Task ServeAsync(HttpContext context, string? path)
    {
        // Relative links in the pages assume the trailing slash.
        if (context.Request.Path.Value == ConsoleRoutes.Root)
        {
            context.Response.Redirect(ConsoleRoutes.Root + "/" + context.Request.QueryString);
            return;
        }

        var query = context.Request.Query;
        var segments = (path ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        try
        {
            switch (segments)
            {
                case []:
                    await listing.ReadAsync(query, context.RequestAborted).ConfigureAwait(false);
                    break;
                case ["executions", var machineName, var executionName]:
                    ConsoleQuery.Name(machineName, "stateMachine");
                    ConsoleQuery.Name(executionName, "execution");
                    ConsoleQuery.OnlyKnown(query, "view", "state");
                    if (ConsoleQuery.Single(query, "view", 16) is { } view && !ExecutionViews.Contains(view, StringComparer.Ordinal))
                    {
                        throw ConsoleProblem.InvalidParameter("view", $"'{view}' is not a view of an execution; use one of {string.Join(", ", ExecutionViews)}.");
                    }

                    ConsoleQuery.Single(query, "state", 80);
                    break;
                case ["commands", var commandId]:
                    ConsoleQuery.OnlyKnown(query);
                    ConsoleQuery.CommandId(commandId);
                    break;
                case ["queues"]:
                    ConsoleQuery.OnlyKnown(query);
                    break;
                default:
                    throw ConsoleProblem.NotFound("PageNotFound",
                        $"The console has no page at /console/{path}; it has the executions list, executions/<state machine>/<name>, commands/<command id> and queues.");
            }
        }
        catch (ConsoleProblem problem)
        {
            await WriteProblemAsync(context, problem).ConfigureAwait(false);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A service behind the edge failed while the page's parameters were checked: say which and why.
            await WriteProblemAsync(context, new ConsoleProblem(StatusCodes.Status502BadGateway, "UpstreamError", $"{e.GetType().Name}: {e.Message}")).ConfigureAwait(false);
            return;
        }

        ConsoleHeaders.Apply(context.Response);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(assets.Shell, context.RequestAborted).ConfigureAwait(false);
    }

    // Written by the server, so the page needs no script to say what was wrong.
    private static async Task WriteProblemAsync(HttpContext context, ConsoleProblem problem)
    {
        var html = HtmlEncoder.Default;
        context.Response.StatusCode = problem.StatusCode;
        ConsoleHeaders.Apply(context.Response);
        context.Response.ContentType = "text/html; charset=utf-8";
        var title = problem.StatusCode switch
        {
            StatusCodes.Status404NotFound => "Not found",
            StatusCodes.Status400BadRequest => "Bad request",
            _ => "Cannot show this page",
        };
        await context.Response.WriteAsync($"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>{title} · Local console</title>
            <link rel="stylesheet" href="/console/assets/console.css"></head>
            <body><header class="top"><a class="brand" href="/console/">Local console</a></header>
            <main><section class="problem" role="alert" data-code="{html.Encode(problem.Code)}"{(problem.Parameter is { } p ? $" data-parameter=\"{html.Encode(p)}\"" : "")}>
            <h1>{title}</h1><p>{html.Encode(problem.Message)}</p><p><a href="/console/">Back to the executions</a></p></section></main></body></html>
            """, context.RequestAborted).ConfigureAwait(false);
    }
}
