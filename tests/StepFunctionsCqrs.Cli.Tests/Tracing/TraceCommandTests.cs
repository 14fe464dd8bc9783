using Amazon.SQS;
using StepFunctionsCqrs.Cli.Tests.TestKit;
using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.LocalCloud.Demo;
using StepFunctionsCqrs.LocalCloud.Pipeline;

namespace StepFunctionsCqrs.Cli.Tests.Tracing;

[Collection(LocalCloudCollection.Name)]
public sealed class TraceCommandTests : IAsyncLifetime
{
    private OwnLocalCloud own = null!;

    public async Task InitializeAsync() => own = await OwnLocalCloud.StartAsync();

    public async Task DisposeAsync() => await own.DisposeAsync();

    [Fact]
    public async Task Trace_on_the_local_cloud_links_the_execution_page_of_its_console()
    {
        var cloud = own.Cloud;
        var commandId = $"trace-{Guid.NewGuid():N}";
        using var sqs = new AmazonSQSClient(cloud.Identities.Admin.Credentials, new AmazonSQSConfig { ServiceURL = cloud.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        using var stepFunctions = new StepFunctionsClient(new StepFunctionsClientOptions(cloud.Endpoint, "us-east-1", cloud.Identities.Admin.Credentials));
        await sqs.SendMessageAsync(cloud.Resources.CommandsQueueUrl, DemoCommands.RegisterHotel(commandId, "admin", $"h-{commandId}"[..24], "Trace Hotel", "twin", 1).ToJsonString());
        var arn = ExecutionArn.TryFor(cloud.Resources.StateMachineArn, commandId)!;
        await OwnLocalCloud.UntilAsync(async () => (await OwnLocalCloud.TryDescribeAsync(stepFunctions, arn))?.Status is { } status && status != "RUNNING");

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
