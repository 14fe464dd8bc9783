using StepFunctionsCqrs.LocalCloud.Bootstrap;
using StepFunctionsCqrs.LocalCloud.Demo;
using StepFunctionsCqrs.LocalCloud.Lambda;
using StepFunctionsCqrs.LocalCloud.Pipeline;
using StepFunctionsCqrs.LocalCloud.Startup;
using StepFunctionsCqrs.LocalCloud.StepFunctions.Mocking;

if (args.Contains("--help"))
{
    Console.WriteLine(LaunchArguments.Usage);
    return 0;
}

LaunchArguments launch;
FaultInjection faults;
try
{
    launch = LaunchArguments.Parse(args);
    faults = FaultInjection.FromEnvironment();
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(LaunchArguments.Usage);
    return 2;
}

var root = RepositoryRoot.Find();
var options = new PipelineOptions
{
    Port = launch.Port,
    StateFolder = Path.GetFullPath(launch.StateFolder ?? Path.Combine(root, ".local-cloud")),
    Reset = launch.Reset,
    RepositoryRoot = root,
    Faults = faults,
};
if (launch.VisibilityTimeoutSeconds is { } visibility)
{
    options = options with { VisibilityTimeoutSeconds = visibility };
}

options = options with
{
    DelayScale = launch.DelayScale,
    MaxConcurrentExecutions = launch.MaxConcurrentExecutions,
    MockConfigPath = FromRepositoryRoot(launch.MockConfigPath ?? (Environment.GetEnvironmentVariable("SFN_MOCK_CONFIG") is { Length: > 0 } fromEnvironment ? fromEnvironment : null)),
};

PipelineCloud started;
try
{
    started = await PipelineCloud.StartAsync(options);
}
catch (Exception e) when (e is StateFolderInUseException or NotAStateFolderException or InvalidDataException or MockConfigurationException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (IOException e) when (e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
{
    Console.Error.WriteLine($"Port {options.Port} on 127.0.0.1 is taken ({e.Message}). Stop what uses it, or pass --port 0 for a free port.");
    return 1;
}

await using var cloud = started;
var screen = Console.Out;
if (launch.Demo)
{
    // The functions log JSON lines to stdout as on Lambda; during the demo they go to a file so the story stays readable.
    var logPath = Path.Combine(options.StateFolder, "functions.log");
    Console.SetOut(TextWriter.Synchronized(new StreamWriter(logPath, append: true) { AutoFlush = true }));
    screen.WriteLine($"Function logs:  {logPath}");
}

screen.WriteLine($"Local cloud listening on {cloud.Endpoint} (state in {options.StateFolder}).");
screen.WriteLine($"Console: {cloud.ConsoleUrl}");
screen.WriteLine($"export AWS_ENDPOINT_URL={cloud.Endpoint.ToString().TrimEnd('/')}");
screen.WriteLine($"export AWS_SHARED_CREDENTIALS_FILE={cloud.CredentialsPath} AWS_PROFILE=admin");
screen.WriteLine($"Commands queue: {cloud.Resources.CommandsQueueUrl}");
screen.WriteLine($"State machine:  {cloud.Resources.StateMachineArn}");
screen.WriteLine($"DynamoDB:       dynalite process {cloud.DynaliteProcessId}");
if (options.MockConfigPath is not null)
{
    screen.WriteLine($"Mock config:    {Path.GetFullPath(options.MockConfigPath)} (start executions on <stateMachineArn>#<TestCase>)");
}

if (launch.DelayScale < 1)
{
    screen.WriteLine($"Time scale:     Wait states and retry back-off {(launch.DelayScale == 0 ? "at once" : $"{1 / launch.DelayScale:0.##}x faster")}");
}

if (faults.Rules.Count > 0)
{
    screen.WriteLine($"Injected faults: {faults}");
}

if (cloud.ResumedExecutions > 0)
{
    screen.WriteLine($"Re-running {cloud.ResumedExecutions} execution(s) left unfinished by the previous run.");
}

if (launch.Demo)
{
    var passed = await new HotelDemo(cloud.Endpoint, cloud.Resources, cloud.Identities.Admin.Credentials, screen).RunAsync(CancellationToken.None);
    if (launch.ExitWhenDone)
    {
        return passed ? 0 : 1;
    }

    screen.WriteLine("The local cloud keeps serving; press Ctrl+C to stop.");
}

await cloud.WaitForShutdownAsync();
return 0;

// dotnet run may start the process in the project's folder: a relative path not found there is read from the repository root.
string? FromRepositoryRoot(string? path) =>
    path is null || Path.IsPathRooted(path) || File.Exists(path) ? path : Path.Combine(root, path);
