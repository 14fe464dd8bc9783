using System.Globalization;

namespace StepFunctionsCqrs.LocalCloud.Startup;

/// <summary>
/// The command line: <c>[demo] [--port N] [--state DIR] [--reset] [--exit-when-done]</c>. Without <c>demo</c> the
/// local cloud just serves; with it, the hotel demo runs against it once it is up.
/// </summary>
public sealed record LaunchArguments(bool Demo, int Port, string? StateFolder, bool Reset, bool ExitWhenDone, int? VisibilityTimeoutSeconds = null, double DelayScale = 1,
    int MaxConcurrentExecutions = StepFunctions.ExecutionRunner.DefaultMaxConcurrent, string? MockConfigPath = null)
{
    /// <summary>The usage text printed for <c>--help</c> and with every argument error.</summary>
    public const string Usage = """
        Usage: dotnet run --project local/StepFunctionsCqrs.LocalCloud -- [demo] [options]

          demo              run the hotel booking demo against the local cloud once it is up
          --port <n>        edge port on 127.0.0.1 (default 4566; 0 picks a free port and prints it)
          --state <dir>     state folder (default .local-cloud under the repository root)
          --reset           wipe the state folder before starting
          --exit-when-done  with demo: exit after the demo (code 0 when every step passed)
          --visibility-timeout <s>  seconds before an unprocessed command is delivered again (default 20)
          --time-scale <n|instant>  run Wait states and retry back-off n times faster, or at once; timestamps stay real
          --max-executions <n|unbounded>  executions run at once (default 32); unbounded runs every started one
                            at once, as AWS does, so a burst on one aggregate races the way it would there
          --mock-config <file>  a mock configuration (Step Functions Local format): start an execution on
                            <stateMachineArn>#<TestCase> to answer that test case's states from it
          --help            show this text

        Environment:
          CQRS_FAULTS=<Function:fraction,...>  make that fraction of a function's invocations throw TransientStoreError
                            before the handler runs, e.g. CQRS_FAULTS=Persist:0.3,ProjectAvailability:0.3;
                            per command: Persist:2x@retry- fails the first 2 for ids starting 'retry-',
                            Persist:1x@fail-:bug throws an unexpected error instead (the command ends Failed)
          CQRS_FAULTS_SEED=<int>  seed of the choice of failing invocations, for a repeatable run
          SFN_MOCK_CONFIG=<file>  the mock configuration when --mock-config is not given
        """;

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> naming the one at fault.</summary>
    public static LaunchArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new LaunchArguments(false, 4566, null, false, false);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            parsed = Canonical(arg) switch
            {
                "demo" => parsed with { Demo = true },
                "--reset" => parsed with { Reset = true },
                "--exit-when-done" => parsed with { ExitWhenDone = true },
                "--port" => parsed with { Port = ParsePort(Value(args, ref i, arg)) },
                "--state" => parsed with { StateFolder = Value(args, ref i, arg) },
                "--visibility-timeout" => parsed with { VisibilityTimeoutSeconds = ParseSeconds(Value(args, ref i, arg), arg) },
                "--time-scale" => parsed with { DelayScale = ParseTimeScale(Value(args, ref i, arg), arg) },
                "--max-executions" => parsed with { MaxConcurrentExecutions = ParseExecutions(Value(args, ref i, arg), arg) },
                "--mock-config" => parsed with { MockConfigPath = Value(args, ref i, arg) },
                _ => throw new ArgumentException($"Unknown argument '{arg}'."),
            };
        }

        if (parsed.ExitWhenDone && !parsed.Demo)
        {
            throw new ArgumentException("--exit-when-done only applies to the demo: use 'demo --exit-when-done'.");
        }

        return parsed;
    }

    // Options are matched ignoring case, and --DataDirectory (the configuration-style name) means --state.
    private static string Canonical(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal)
            ? arg.ToLowerInvariant() is "--datadirectory" ? "--state" : arg.ToLowerInvariant()
            : arg;

    private static string Value(IReadOnlyList<string> args, ref int i, string name) =>
        ++i < args.Count && !args[i].StartsWith("--", StringComparison.Ordinal)
            ? args[i]
            : throw new ArgumentException($"{name} needs a value.");

    // "10" means ten times faster, so durations are multiplied by a tenth; "instant" skips them.
    private static double ParseTimeScale(string text, string name) =>
        string.Equals(text, "instant", StringComparison.OrdinalIgnoreCase) ? 0
        : double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var speedup) && speedup >= 1 && double.IsFinite(speedup) ? 1 / speedup
        : throw new ArgumentException($"{name} '{text}' is neither a speed-up of 1 or more (10 runs waits ten times faster) nor 'instant'.");

    private static int ParseExecutions(string text, string name) =>
        string.Equals(text, "unbounded", StringComparison.OrdinalIgnoreCase) ? int.MaxValue
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1 ? count
        : throw new ArgumentException($"{name} '{text}' is neither a number of executions (1 or more) nor 'unbounded'.");

    private static int ParseSeconds(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 43_200
            ? seconds
            : throw new ArgumentException($"{name} '{text}' is not a number of seconds (0 to 43200).");

    private static int ParsePort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65_535
            ? port
            : throw new ArgumentException($"--port '{text}' is not a port number (0 to 65535).");
}
