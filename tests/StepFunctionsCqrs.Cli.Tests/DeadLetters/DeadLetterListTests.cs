using System.Text.Json.Nodes;
using Amazon.SQS;
using StepFunctionsCqrs.Cli.Tests.TestKit;
using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.Functions.StepFunctions.Model;
using StepFunctionsCqrs.LocalCloud.Pipeline;

namespace StepFunctionsCqrs.Cli.Tests.DeadLetters;

[Collection(LocalCloudCollection.Name)]
public sealed class DeadLetterListTests : IAsyncLifetime
{
    private readonly string stateFolder = Path.Combine(Path.GetTempPath(), "cli-dlq-tests", Guid.NewGuid().ToString("N"));
    private PipelineCloud cloud = null!;

    public async Task InitializeAsync() => cloud = await PipelineCloud.StartAsync(new PipelineOptions
    {
        Port = 0, StateFolder = stateFolder, RepositoryRoot = Testing.RepositoryRoot.Path, VisibilityTimeoutSeconds = 1,
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
    public async Task A_second_command_sent_under_a_used_command_id_is_listed_as_dead_lettered_with_the_reason_CommandIdReused()
    {
        using var sqs = new AmazonSQSClient(cloud.Identities.Admin.Credentials, new AmazonSQSConfig { ServiceURL = cloud.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        using var stepFunctions = new StepFunctionsClient(new StepFunctionsClientOptions(cloud.Endpoint, "us-east-1", cloud.Identities.Admin.Credentials));
        var commandId = $"reused-{Guid.NewGuid():N}";
        var executionArn = ExecutionArn.TryFor(cloud.Resources.StateMachineArn, commandId)!;

        await sqs.SendMessageAsync(cloud.Resources.CommandsQueueUrl, Booking(commandId, "bk-first"));
        await UntilAsync(async () => (await TryDescribeAsync(stepFunctions, executionArn))?.Status is { } status && status != ExecutionStatus.Running);
        await sqs.SendMessageAsync(cloud.Resources.CommandsQueueUrl, Booking(commandId, "bk-second"));
        await UntilAsync(async () => (await sqs.GetQueueAttributesAsync(cloud.Resources.DeadLetterQueueUrl, ["ApproximateNumberOfMessages"])).ApproximateNumberOfMessages > 0);

        var cli = new CapturedCli(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = cloud.Endpoint.ToString() });
        var code = await cli.RunAsync("dlq", "list");

        Assert.Equal(0, code);
        Assert.Contains($"CommandIdReused: the command id \"{commandId}\" already names an execution started with a different command", cli.Console);
        Assert.Contains("bk-first", (await stepFunctions.DescribeExecutionAsync(executionArn)).Input);
    }

    [Fact]
    public async Task A_redriven_dead_letter_is_judged_as_its_first_sender_not_with_the_admin_authority_of_the_operator()
    {
        // A stranger's command put straight on the dead-letter queue: had redrive re-sent it as the admin, it would act.
        using var stranger = new AmazonSQSClient(new Amazon.Runtime.BasicAWSCredentials("stranger", "any"), new AmazonSQSConfig { ServiceURL = cloud.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        var commandId = $"laundered-{Guid.NewGuid():N}";
        await stranger.SendMessageAsync(cloud.Resources.DeadLetterQueueUrl, Booking(commandId, "bk-laundered"));
        var admin = cloud.Identities.Admin.Credentials.GetCredentials();
        var cli = new CapturedCli(new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = cloud.Endpoint.ToString(), ["AWS_ACCESS_KEY_ID"] = admin.AccessKey, ["AWS_SECRET_ACCESS_KEY"] = admin.SecretKey,
        });

        var code = await cli.RunAsync("dlq", "redrive");
        string? outcome = null;
        await UntilAsync(async () => (outcome = await StatusOfAsync(cli, commandId)) is not null);

        Assert.Equal(0, code);
        Assert.Equal("Rejected", outcome);
        Assert.Contains("UnknownSender", cli.Console);
        Assert.Contains("stranger", cli.Console);
    }

    // The status as `cqrs status` prints it, or null while there is none.
    private static async Task<string?> StatusOfAsync(CapturedCli cli, string commandId)
    {
        var code = await cli.RunAsync("status", commandId);
        return code == StepFunctionsCqrs.Cli.Commands.StatusCommand.PendingExitCode ? null
            : cli.Console.Contains("Rejected", StringComparison.Ordinal) ? "Rejected"
            : cli.Console.Contains("Accepted", StringComparison.Ordinal) ? "Accepted" : "other";
    }

    private static string Booking(string commandId, string bookingId) => new JsonObject
    {
        ["commandId"] = commandId,
        ["type"] = "BookRoom",
        ["schemaVersion"] = 1,
        ["issuedAt"] = "2027-01-10T09:30:00Z",
        ["actor"] = new JsonObject { ["userId"] = "alice", ["roles"] = new JsonArray("guest") },
        ["correlationId"] = "corr-reused",
        ["payload"] = new JsonObject
        {
            ["hotelId"] = "nowhere", ["roomTypeId"] = "double", ["bookingId"] = bookingId, ["checkIn"] = "2027-03-01", ["checkOut"] = "2027-03-02",
        },
    }.ToJsonString();

    private static async Task<DescribeExecutionResult?> TryDescribeAsync(StepFunctionsClient stepFunctions, string executionArn)
    {
        try
        {
            return await stepFunctions.DescribeExecutionAsync(executionArn);
        }
        catch (Functions.StepFunctions.Errors.ExecutionDoesNotExistException)
        {
            return null;
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(90);
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The condition did not hold within 90 seconds.");
            await Task.Delay(100);
        }
    }
}
