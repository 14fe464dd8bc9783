using System.CommandLine;
using Spectre.Console;
using StepFunctionsCqrs.Cli.Status;
using StepFunctionsCqrs.Cli.Tracing;

namespace StepFunctionsCqrs.Cli.Commands;

/// <summary>
/// <c>cqrs trace &lt;commandId&gt; [--spans]</c>: the command's execution as a timeline of states, where to see it in a
/// console, and with <c>--spans</c> its functions' spans as a waterfall when the target is the local cloud.
/// </summary>
public static class TraceCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliRuntime runtime)
    {
        var commandId = new Argument<string>("commandId") { Description = "The command id (the execution's name)." };
        var command = new Command("trace", "Show the command's execution history as a timeline: states in order, durations, retries and errors.");
        var spans = new Option<bool>("--spans")
        {
            Description = "Also show the functions' spans as a waterfall (the local cloud collects them; on AWS they are in X-Ray or the OTLP backend).",
        };
        command.Arguments.Add(commandId);
        command.Options.Add(spans);
        command.SetAction((parse, ct) => CliApp.RunWithContextAsync(runtime, parse, async context =>
        {
            var id = parse.GetValue(commandId)!;
            var (execution, timeline) = await new ExecutionTracer(context.Clients.StepFunctions, context.Settings.StateMachineArn, context.StepFunctionsEndpoint)
                .TraceAsync(id, ct).ConfigureAwait(false);
            runtime.Console.MarkupLineInterpolated($"execution [bold]{execution.ExecutionArn}[/] ({execution.Status})");
            runtime.Console.Write(TimelineRenderer.Render(timeline));
            runtime.Console.WriteLine(TimelineRenderer.Ending(timeline));
            if (context.Settings.StepFunctionsEndpoint is not { } endpoint)
            {
                runtime.Console.WriteLine($"console: {ExecutionArns.ConsoleUrl(context.Settings.Region, execution.ExecutionArn)}");
            }
            else if (await LocalConsoleLink.FindAsync(endpoint, execution.ExecutionArn, ct).ConfigureAwait(false) is { } page)
            {
                runtime.Console.WriteLine($"console: {page}");
            }

            if (parse.GetValue(spans))
            {
                var held = await new SpanSource(context.SignedHttpClient, context.Settings.StepFunctionsEndpoint).ReadAsync(id, ct).ConfigureAwait(false);
                foreach (var line in held is null ? [SpanSource.ElsewhereNote] : WaterfallRenderer.Render(held))
                {
                    runtime.Console.WriteLine(line);
                }
            }

            return 0;
        }));
        return command;
    }
}
