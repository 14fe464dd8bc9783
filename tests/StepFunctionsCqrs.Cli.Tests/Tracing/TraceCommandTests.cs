using Amazon.SQS;
using StepFunctionsCqrs.Cli.Tests.TestKit;
using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.LocalCloud.Demo;
using StepFunctionsCqrs.LocalCloud.Pipeline;

namespace StepFunctionsCqrs.Cli.Tests.Tracing;

[Collection(LocalCloudCollection.Name)]
public sealed class TraceCommandTests : IAsyncLifetime
{
    private readonly string stateFolder = Path.Combine(Path.GetTempPath(), "cli-trace-tests", Guid.NewGuid().ToString("N"));
    private PipelineCloud cloud = null!;

    public async Task InitializeAsync() => cloud = await PipelineCloud.StartAsync(new PipelineOptions
    {
        Port = 0, StateFolder = stateFolder, RepositoryRoot = Testing.RepositoryRoot.Path,
    });

    public async Task DisposeAsync()
    {
        await cloud.DisposeAsync();
        try
        {
            Directory.Delete(stateFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the run over it would hide the real result.
        }
    }

    [Fact]
    public async Task Trace_on_the_local_cloud_links_the_execution_page_of_its_console()
    {
        var commandId = $"trace-{Guid.NewGuid():N}";
        using var sqs = new AmazonSQSClient(cloud.Identities.Admin.Credentials, new AmazonSQSConfig { ServiceURL = cloud.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        using var stepFunctions = new StepFunctionsClient(new StepFunctionsClientOptions(cloud.Endpoint, "us-east-1", cloud.Identities.Admin.Credentials));
        await sqs.SendMessageAsync(cloud.Resources.CommandsQueueUrl, DemoCommands.RegisterHotel(commandId, "admin", $"h-{commandId}"[..24], "Trace Hotel", "twin", 1).ToJsonString());
        var arn = ExecutionArn.TryFor(cloud.Resources.StateMachineArn, commandId)!;
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await stepFunctions.DescribeExecutionAsync(arn)).Status != "RUNNING")
                {
                    break;
                }
            }
            catch (Functions.StepFunctions.Errors.ExecutionDoesNotExistException)
            {
                // Not dispatched yet.
            }

            await Task.Delay(100);
        }

        var admin = cloud.Identities.Admin;
        var cli = new CapturedCli(new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = cloud.Endpoint.ToString(), ["AWS_ACCESS_KEY_ID"] = admin.AccessKey, ["AWS_SECRET_ACCESS_KEY"] = admin.Secret,
        });
        var code = await cli.RunAsync("trace", commandId);

        Assert.Equal(0, code);
        var expected = $"{cloud.ConsoleUrl}executions/command-pipeline/{commandId}";
        Assert.Contains($"console: {expected}", cli.Console, StringComparison.Ordinal);
        Assert.DoesNotContain("console.aws.amazon.com", cli.Console, StringComparison.Ordinal);
        using var http = new HttpClient();
        using var page = await http.GetAsync(expected);
        Assert.True(page.IsSuccessStatusCode, $"{expected} answered {(int)page.StatusCode}");
    }
}
