using System.CommandLine;
using Amazon.Runtime;
using Spectre.Console;
using StepFunctionsCqrs.Cli.Commands;

namespace StepFunctionsCqrs.Cli;

/// <summary>The <c>cqrs</c> command tree.</summary>
public static class CliApp
{
    /// <summary>Exit code of a command that failed with an error message.</summary>
    public const int ErrorExitCode = 1;

    /// <summary>The option naming a config file, valid on every command.</summary>
    public static Option<string?> ConfigOption { get; } = new("--config")
    {
        Description = "A JSON file of settings (CQRS_COMMANDS_QUEUE_URL, CQRS_STATE_MACHINE_ARN, table variables, ...); environment variables win. Default: $CQRS_CONFIG, else ./cqrs.json when present.",
        Recursive = true,
    };

    /// <summary>Builds the root command.</summary>
    public static RootCommand Build(CliRuntime runtime)
    {
        var root = new RootCommand("Submit commands to the StepFunctionsCqrs stack and inspect what became of them. Targets the local cloud, LocalStack or AWS via AWS_ENDPOINT_URL, AWS_REGION and the credentials chain.");
        root.Options.Add(ConfigOption);
        root.Subcommands.Add(SubmitCommand.Create(runtime));
        root.Subcommands.Add(StatusCommand.Create(runtime));
        root.Subcommands.Add(QueryCommand.Create(runtime));
        root.Subcommands.Add(TraceCommand.Create(runtime));
        root.Subcommands.Add(ReplayCommand.Create(runtime));
        root.Subcommands.Add(DlqCommand.Create(runtime));
        root.Subcommands.Add(BenchCommand.Create(runtime));
        return root;
    }

    /// <summary>Parses and runs the arguments; returns the exit code.</summary>
    public static Task<int> RunAsync(CliRuntime runtime, string[] args, CancellationToken cancellationToken = default) =>
        Build(runtime).Parse(args).InvokeAsync(new InvocationConfiguration { Output = runtime.Output }, cancellationToken);

    /// <summary>Runs a command's body with its context, turning actionable failures into one error line and exit code 1.</summary>
    public static async Task<int> RunWithContextAsync(CliRuntime runtime, ParseResult parse, Func<CliContext, Task<int>> body)
    {
        try
        {
            using var context = runtime.Open(parse.GetValue(ConfigOption));
            return await body(context).ConfigureAwait(false);
        }
        catch (CliException e)
        {
            runtime.Console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return ErrorExitCode;
        }
        catch (AmazonServiceException e)
        {
            runtime.Console.MarkupLineInterpolated($"[red]error:[/] {e.ErrorCode}: {e.Message}");
            return ErrorExitCode;
        }
    }
}
