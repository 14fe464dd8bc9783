using Spectre.Console;

namespace StepFunctionsCqrs.Cli.Tests.TestKit;

/// <summary>Runs the cqrs command tree in-process with given variables, capturing what it prints.</summary>
public sealed class CapturedCli(IReadOnlyDictionary<string, string> environment, string? workingDirectory = null)
{
    private readonly StringWriter console = new();
    private readonly StringWriter output = new();

    /// <summary>What went to the human console.</summary>
    public string Console => console.ToString();

    /// <summary>What went to standard output.</summary>
    public string Output => output.ToString();

    /// <summary>Runs one command line; returns its exit code.</summary>
    public Task<int> RunAsync(params string[] args)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(console),
        });
        ansi.Profile.Width = 400;
        var runtime = new CliRuntime(ansi, output, name => environment.GetValueOrDefault(name), workingDirectory ?? System.IO.Path.GetTempPath(), TimeProvider.System);
        return CliApp.RunAsync(runtime, args);
    }
}
