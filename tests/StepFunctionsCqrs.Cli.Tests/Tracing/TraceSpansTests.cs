using System.Net;
using Amazon.Runtime.Signing;
using Amazon.SQS;
using StepFunctionsCqrs.Cli.Tests.TestKit;
using StepFunctionsCqrs.Cli.Tracing;
using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.LocalCloud.Demo;

namespace StepFunctionsCqrs.Cli.Tests.Tracing;

[Collection(LocalCloudCollection.Name)]
public sealed class TraceSpansTests : IAsyncLifetime
{
    private static readonly string[] Tasks = ["Validate", "Persist", "ProjectAvailability", "ProjectGuestBookings", "ProjectArrivals", "RecordStatus"];
    private OwnLocalCloud own = null!;

    public async Task InitializeAsync() => own = await OwnLocalCloud.StartAsync();

    public async Task DisposeAsync() => await own.DisposeAsync();

    [Fact]
    public async Task Trace_with_spans_shows_dispatch_with_every_task_beneath_it_and_their_DynamoDB_calls_beneath_them()
    {
        var hotelId = $"h-{Guid.NewGuid():N}"[..24];
        await RunAsync(DemoCommands.RegisterHotel($"reg-{hotelId}", "admin", hotelId, "Span Hotel", "twin", 2));
        var commandId = $"book-{Guid.NewGuid():N}";
        await RunAsync(DemoCommands.BookRoom(commandId, "ann", hotelId, "twin", "b1", new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 3)));

        var cli = Cli();
        var code = await cli.RunAsync("trace", commandId, "--spans");

        Assert.True(code == 0, cli.Console);
        var rows = WaterfallRows(cli.Console);
        var dispatch = Assert.Single(rows, r => r.Name == "Dispatch");
        foreach (var task in Tasks)
        {
            var taskRow = rows.First(r => r.Name == task);
            Assert.True(taskRow.Depth == dispatch.Depth + 1 && Parent(rows, taskRow) == dispatch, $"{task} is not directly under Dispatch:\n{cli.Console}");
            // Validate decides from the command alone; every other task writes.
            var writes = rows.Where(r => Parent(rows, r) == taskRow && r.Name.Split(' ')[0] is "DynamoDB.PutItem" or "DynamoDB.UpdateItem").ToList();
            Assert.True(task == "Validate" ? writes.Count == 0 : writes.Count > 0, $"{task} has {writes.Count} DynamoDB writes beneath it:\n{cli.Console}");
        }

        Assert.Contains(rows, r => r.Name == "DynamoDB.PutItem CommitLog" && Parent(rows, r)?.Name == "Persist");
        Assert.DoesNotContain("ERROR", cli.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trace_with_spans_of_an_unknown_command_fails_naming_it()
    {
        var cli = Cli();

        var code = await cli.RunAsync("trace", "no-such-command", "--spans");

        Assert.Equal(CliApp.ErrorExitCode, code);
        Assert.Contains("error:", cli.Console, StringComparison.Ordinal);
        Assert.Contains("'no-such-command'", cli.Console, StringComparison.Ordinal);
        Assert.DoesNotContain("spans of", cli.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_telemetry_route_answers_NoSpans_for_a_command_it_holds_nothing_of()
    {
        var admin = own.Cloud.Identities.Admin;
        using var http = new HttpClient(new SigV4SigningHandler(admin.Credentials, Amazon.RegionEndpoint.USEast1, "execute-api", new SocketsHttpHandler()));
        var source = new SpanSource(http, own.Cloud.Endpoint);

        var error = await Assert.ThrowsAsync<CliException>(() => source.ReadAsync("never-ran-here", CancellationToken.None));

        Assert.Contains("no spans of command 'never-ran-here'", error.Message, StringComparison.Ordinal);
        using var raw = await http.GetAsync(new Uri(own.Cloud.Endpoint, "telemetry/commands/never-ran-here/spans"));
        Assert.Equal(HttpStatusCode.NotFound, raw.StatusCode);
        Assert.Contains("\"code\":\"NoSpans\"", await raw.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_telemetry_metrics_route_totals_the_commands_the_functions_recorded()
    {
        var hotelId = $"h-{Guid.NewGuid():N}"[..24];
        await RunAsync(DemoCommands.RegisterHotel($"reg-{hotelId}", "admin", hotelId, "Metric Hotel", "twin", 2));
        var admin = own.Cloud.Identities.Admin;
        using var http = new HttpClient(new SigV4SigningHandler(admin.Credentials, Amazon.RegionEndpoint.USEast1, "execute-api", new SocketsHttpHandler()));

        var totals = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync(new Uri(own.Cloud.Endpoint, "telemetry/metrics")))!.AsArray();

        var accepted = totals.Single(t => (string?)t!["instrument"] == "cqrs.commands" && (string?)t!["tags"] == "command_type=RegisterHotel,outcome=Accepted");
        Assert.Equal(1, (double)accepted!["sum"]!);
    }

    private CapturedCli Cli()
    {
        var admin = own.Cloud.Identities.Admin;
        return new CapturedCli(new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = own.Cloud.Endpoint.ToString(), ["AWS_ACCESS_KEY_ID"] = admin.AccessKey, ["AWS_SECRET_ACCESS_KEY"] = admin.Secret,
        });
    }

    private async Task RunAsync(System.Text.Json.Nodes.JsonObject command)
    {
        var cloud = own.Cloud;
        using var sqs = new AmazonSQSClient(cloud.Identities.Admin.Credentials, new AmazonSQSConfig { ServiceURL = cloud.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        using var stepFunctions = new StepFunctionsClient(new StepFunctionsClientOptions(cloud.Endpoint, "us-east-1", cloud.Identities.Admin.Credentials));
        await sqs.SendMessageAsync(cloud.Resources.CommandsQueueUrl, command.ToJsonString());
        var arn = ExecutionArn.TryFor(cloud.Resources.StateMachineArn, command["commandId"]!.GetValue<string>())!;
        await OwnLocalCloud.UntilAsync(async () => (await OwnLocalCloud.TryDescribeAsync(stepFunctions, arn))?.Status is { } status && status != "RUNNING");
        // The Dispatch span ends after StartExecution answers, and the last DynamoDB span just after the status is written.
        await OwnLocalCloud.UntilAsync(() => Task.FromResult(cloud.Spans.ForCommand(command["commandId"]!.GetValue<string>())?.Spans.Any(s => s.Name == "RecordStatus") == true));
    }

    private static List<Row> WaterfallRows(string console)
    {
        var lines = console.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var heading = lines.FindIndex(l => l.StartsWith("spans of ", StringComparison.Ordinal));
        Assert.True(heading >= 0, $"No waterfall in:\n{console}");
        return [.. lines.Skip(heading + 1).Where(l => l.Contains(WaterfallRenderer.NameSeparator, StringComparison.Ordinal)).Select((line, index) =>
        {
            var name = line[(line.IndexOf(WaterfallRenderer.NameSeparator, StringComparison.Ordinal) + WaterfallRenderer.NameSeparator.Length)..];
            var trimmed = name.TrimStart(' ');
            return new Row(index, (name.Length - trimmed.Length) / 2, trimmed);
        })];
    }

    // The nearest row above with one less indentation.
    private static Row? Parent(List<Row> rows, Row row) =>
        rows.Take(row.Index).LastOrDefault(r => r.Depth == row.Depth - 1);

    private sealed record Row(int Index, int Depth, string Name);
}
