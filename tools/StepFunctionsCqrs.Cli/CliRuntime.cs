using Spectre.Console;
using StepFunctionsCqrs.Cli.Aws;
using StepFunctionsCqrs.Cli.Configuration;

namespace StepFunctionsCqrs.Cli;

/// <summary>What every command runs with: where to write, where settings come from, and the clock.</summary>
/// <param name="Console">Human output: tables, progress, errors.</param>
/// <param name="Output">Machine output: command ids and JSON, one item per line.</param>
/// <param name="Environment">Environment variables.</param>
/// <param name="WorkingDirectory">Where ./cqrs.json is looked for.</param>
/// <param name="Time">The clock for waits and timestamps.</param>
public sealed record CliRuntime(IAnsiConsole Console, TextWriter Output, Func<string, string?> Environment, string WorkingDirectory, TimeProvider Time)
{
    /// <summary>The process's own console, environment and clock.</summary>
    public static CliRuntime FromProcess()
    {
        var console = AnsiConsole.Console;
        if (System.Console.IsOutputRedirected)
        {
            // Without a terminal the console assumes 80 columns and wraps ids and tables mid-word; logs and pipes are wider.
            console.Profile.Width = 200;
        }

        return new(console, System.Console.Out, System.Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory(), TimeProvider.System);
    }

    /// <summary>Resolves settings and creates clients for one command.</summary>
    public CliContext Open(string? configPath)
    {
        var source = SettingsSource.Load(Environment, configPath, WorkingDirectory);
        var settings = CliSettings.Resolve(source);
        return new CliContext(this, settings, new CliClients(settings, CliClients.ResolveCredentials(source, settings, WorkingDirectory)));
    }
}
