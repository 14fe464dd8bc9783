using StepFunctionsCqrs.LocalCloud.Bootstrap;
using StepFunctionsCqrs.LocalCloud.Demo;
using StepFunctionsCqrs.LocalCloud.Pipeline;
using StepFunctionsCqrs.LocalCloud.Startup;

if (args.Contains("--help"))
{
    Console.WriteLine(LaunchArguments.Usage);
    return 0;
}

LaunchArguments launch;
try
{
    launch = LaunchArguments.Parse(args);
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
};

await using var cloud = await PipelineCloud.StartAsync(options);
Console.WriteLine($"Local cloud listening on {cloud.Endpoint} (state in {options.StateFolder}).");
Console.WriteLine($"export AWS_ENDPOINT_URL={cloud.Endpoint.ToString().TrimEnd('/')}");
Console.WriteLine($"Commands queue: {cloud.Resources.CommandsQueueUrl}");
Console.WriteLine($"State machine:  {cloud.Resources.StateMachineArn}");
if (cloud.ResumedExecutions > 0)
{
    Console.WriteLine($"Re-running {cloud.ResumedExecutions} execution(s) left unfinished by the previous run.");
}

if (launch.Demo)
{
    var passed = await new HotelDemo(cloud.Endpoint, cloud.Resources, Console.Out).RunAsync(CancellationToken.None);
    if (launch.ExitWhenDone)
    {
        return passed ? 0 : 1;
    }

    Console.WriteLine("The local cloud keeps serving; press Ctrl+C to stop.");
}

await cloud.WaitForShutdownAsync();
return 0;
