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
    private OwnLocalCloud own = null!;

    private PipelineCloud Cloud => own.Cloud;

    public async Task InitializeAsync() => own = await OwnLocalCloud.StartAsync(visibilityTimeoutSeconds: 1);

    public async Task DisposeAsync() => await own.DisposeAsync();

    [Fact]
    public async Task A_second_command_sent_under_a_used_command_id_is_listed_as_dead_lettered_with_the_reason_CommandIdReused()
    {
        using var sqs = new AmazonSQSClient(Cloud.Identities.Admin.Credentials, new AmazonSQSConfig { ServiceURL = Cloud.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        using var stepFunctions = new StepFunctionsClient(new StepFunctionsClientOptions(Cloud.Endpoint, "us-east-1", Cloud.Identities.Admin.Credentials));
        var commandId = $"reused-{Guid.NewGuid():N}";
        var executionArn = ExecutionArn.TryFor(Cloud.Resources.StateMachineArn, commandId)!;

        await sqs.SendMessageAsync(Cloud.Resources.CommandsQueueUrl, Booking(commandId, "bk-first"));
        await OwnLocalCloud.UntilAsync(async () => (await OwnLocalCloud.TryDescribeAsync(stepFunctions, executionArn))?.Status is { } status && status != ExecutionStatus.Running);
        await sqs.SendMessageAsync(Cloud.Resources.CommandsQueueUrl, Booking(commandId, "bk-second"));
        await OwnLocalCloud.UntilAsync(async () => (await sqs.GetQueueAttributesAsync(Cloud.Resources.DeadLetterQueueUrl, ["ApproximateNumberOfMessages"])).ApproximateNumberOfMessages > 0);

        var cli = new CapturedCli(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = Cloud.Endpoint.ToString() });
        var code = await cli.RunAsync("dlq", "list");

        Assert.Equal(0, code);
        Assert.Contains($"CommandIdReused: the command id \"{commandId}\" already names an execution started with a different command", cli.Console);
        Assert.Contains("bk-first", (await stepFunctions.DescribeExecutionAsync(executionArn)).Input);
    }

    [Fact]
    public async Task A_redriven_dead_letter_is_judged_as_its_first_sender_not_with_the_admin_authority_of_the_operator()
    {
        // A stranger's command put straight on the dead-letter queue: had redrive re-sent it as the admin, it would act.
        using var stranger = new AmazonSQSClient(new Amazon.Runtime.BasicAWSCredentials("stranger", "any"), new AmazonSQSConfig { ServiceURL = Cloud.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        var commandId = $"laundered-{Guid.NewGuid():N}";
        await stranger.SendMessageAsync(Cloud.Resources.DeadLetterQueueUrl, Booking(commandId, "bk-laundered"));
        var admin = Cloud.Identities.Admin.Credentials.GetCredentials();
        var cli = new CapturedCli(new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = Cloud.Endpoint.ToString(), ["AWS_ACCESS_KEY_ID"] = admin.AccessKey, ["AWS_SECRET_ACCESS_KEY"] = admin.SecretKey,
        });

        var code = await cli.RunAsync("dlq", "redrive");
        string? outcome = null;
        await OwnLocalCloud.UntilAsync(async () => (outcome = await StatusOfAsync(cli, commandId)) is not null);

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
}
