using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.SQS;
using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.Functions.StepFunctions.Model;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;
using StepFunctionsCqrs.LocalCloud.Demo;
using StepFunctionsCqrs.LocalCloud.Edge;
using StepFunctionsCqrs.LocalCloud.Identity;

namespace StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

public sealed class DurabilityTests : IAsyncLifetime
{
    private const int Guests = 12;
    private readonly string stateFolder = Path.Combine(Path.GetTempPath(), "localcloud-durability-tests", Guid.NewGuid().ToString("N"));
    private readonly List<HostProcess> hosts = [];

    [Fact]
    public async Task After_a_kill_9_and_a_restart_every_command_is_processed_exactly_once_and_no_execution_is_left_running()
    {
        var first = await StartHostAsync();
        var hotel = $"durable-{Guid.NewGuid():N}"[..24];
        var commandIds = new List<string>();
        using (var sqs = CommandApiSqs(first.Endpoint))
        {
            var queueUrl = (await sqs.GetQueueUrlAsync("commands")).QueueUrl;
            var register = DemoCommands.RegisterHotel($"{hotel}-register", "admin-1", hotel, "Durable Hotel", "double", 4);
            await sqs.SendMessageAsync(queueUrl, register.ToJsonString());
            commandIds.Add($"{hotel}-register");
            await WaitForStatusAsync(first.Endpoint, commandIds[0]);

            // Sent as fast as possible and killed straight after: some commands are still queued, some in flight.
            await Task.WhenAll(Enumerable.Range(0, Guests).Select(async i =>
            {
                var id = $"{hotel}-book-{i}";
                lock (commandIds)
                {
                    commandIds.Add(id);
                }

                await sqs.SendMessageAsync(queueUrl, DemoCommands.BookRoom(id, $"guest-{i}", hotel, "double", $"bk-{i}", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(62)).ToJsonString());
            }));
        }

        first.Kill();
        await AssertExitsAsync(first.DynaliteProcessId);

        var second = await StartHostAsync();
        foreach (var id in commandIds)
        {
            var status = await WaitForStatusAsync(second.Endpoint, id);
            Assert.Equal("Accepted", status["status"]!.GetValue<string>());
        }

        using var stepFunctions = new StepFunctionsClient(new StepFunctionsClientOptions(second.Endpoint, "us-east-1", new BasicAWSCredentials("AKIDTEST", "x")));
        var machine = "arn:aws:states:us-east-1:000000000000:stateMachine:command-pipeline";
        foreach (var id in commandIds)
        {
            var execution = await WaitUntilEndedAsync(stepFunctions, machine.Replace(":stateMachine:", ":execution:") + ":" + id);
            Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        }

        Assert.Empty((await stepFunctions.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = machine, StatusFilter = ExecutionStatus.Running })).Executions);

        using var dynamoDb = new AmazonDynamoDBClient(new BasicAWSCredentials("AKIDTEST", "x"), new AmazonDynamoDBConfig { ServiceURL = second.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        var committed = new List<(string AggregateId, string CommandId)>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamoDb.ScanAsync(new ScanRequest { TableName = Tables.CommitLog.LogicalName, ExclusiveStartKey = start });
            // The command ledger shares the table; its items record that a command was seen, not what it changed.
            committed.AddRange(page.Items
                .Where(item => DynamoDbCommitLog.IsCommitItem(item) && item["CommandId"].S.StartsWith(hotel, StringComparison.Ordinal))
                .Select(item => (item["AggregateId"].S, item["CommandId"].S)));
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        // Registering a hotel commits to the hotel and to each room type's inventory; a booking to one inventory.
        // Each command lands once per aggregate it changed, however often it was delivered or re-run.
        Assert.Equal(committed.Count, committed.Distinct().Count());
        Assert.Equal(commandIds.Order(), committed.Select(c => c.CommandId).Distinct().Order());
        Assert.All(commandIds.Where(id => id.Contains("-book-", StringComparison.Ordinal)),
            id => Assert.Single(committed, c => c.CommandId == id));
    }

    [Fact]
    public async Task An_execution_cut_short_by_a_kill_runs_again_from_the_start_and_finished_histories_are_kept()
    {
        var first = await StartHostAsync();
        var credentials = new BasicAWSCredentials("AKIDTEST", "x");
        string machine;
        using (var raw = new AwsJsonCaller(first.Endpoint, credentials))
        {
            var created = await raw.StatesOkAsync("CreateStateMachine", new JsonObject
            {
                ["name"] = "short-wait",
                ["definition"] = """{"StartAt":"Hold","States":{"Hold":{"Type":"Wait","Seconds":5,"Next":"Done"},"Done":{"Type":"Pass","Result":"done","End":true}}}""",
                ["roleArn"] = "arn:aws:iam::000000000000:role/test",
            });
            machine = created["stateMachineArn"]!.GetValue<string>();
        }

        string finishedArn, cutShortArn;
        using (var client = new StepFunctionsClient(new StepFunctionsClientOptions(first.Endpoint, "us-east-1", credentials)))
        {
            finishedArn = (await client.StartExecutionAsync(machine, "finished", """{"n":1}""")).ExecutionArn;
            await WaitUntilEndedAsync(client, finishedArn);
            cutShortArn = (await client.StartExecutionAsync(machine, "cut-short", """{"n":2}""")).ExecutionArn;
        }

        first.Kill();
        var second = await StartHostAsync();
        await second.WaitForOutputAsync("Re-running 1 execution(s)");

        using var stepFunctions = new StepFunctionsClient(new StepFunctionsClientOptions(second.Endpoint, "us-east-1", credentials));
        var resumed = await WaitUntilEndedAsync(stepFunctions, cutShortArn);
        Assert.Equal(ExecutionStatus.Succeeded, resumed.Status);
        Assert.Equal("\"done\"", resumed.Output);
        var history = await stepFunctions.GetExecutionHistoryAsync(new GetExecutionHistoryRequest(cutShortArn));
        Assert.Single(history.Events, e => e.Type == "ExecutionStarted");
        Assert.Equal("ExecutionSucceeded", history.Events[^1].Type);

        var kept = await stepFunctions.GetExecutionHistoryAsync(new GetExecutionHistoryRequest(finishedArn));
        Assert.Equal(["ExecutionStarted", "WaitStateEntered", "WaitStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"], kept.Events.Select(e => e.Type));
    }

    [Fact]
    public async Task An_execution_waiting_on_a_task_token_is_re_run_after_a_kill_9_with_a_new_token_and_the_old_one_answers_TaskTimedOut()
    {
        var first = await StartHostAsync();
        var credentials = new BasicAWSCredentials("AKIDTEST", "x");
        string executionArn, oldToken;
        StepFunctions.CallbackQueue queue;
        using (var sqs = CommandApiSqs(first.Endpoint))
        using (var raw = new AwsJsonCaller(first.Endpoint, credentials))
        {
            queue = await StepFunctions.CallbackQueue.CreateAsync(sqs);
            var created = await raw.StatesOkAsync("CreateStateMachine", new JsonObject
            {
                ["name"] = "approval", ["definition"] = queue.Definition(), ["roleArn"] = "arn:aws:iam::000000000000:role/test",
            });
            executionArn = (await raw.StatesOkAsync("StartExecution", new JsonObject
            {
                ["stateMachineArn"] = created["stateMachineArn"]!.GetValue<string>(), ["name"] = "awaiting", ["input"] = "{}",
            }))["executionArn"]!.GetValue<string>();
            oldToken = await queue.NextTokenAsync("awaiting");
        }

        first.Kill();
        var second = await StartHostAsync();
        await second.WaitForOutputAsync("Re-running 1 execution(s)");

        using var secondSqs = CommandApiSqs(second.Endpoint);
        using var secondRaw = new AwsJsonCaller(second.Endpoint, credentials);
        var newToken = await new StepFunctions.CallbackQueue(secondSqs, queue.Url).NextTokenAsync("awaiting");
        Assert.NotEqual(oldToken, newToken);
        var (status, refusal) = await secondRaw.StatesAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = oldToken, ["output"] = "\"stale\"" });
        Assert.Equal((400, "TaskTimedOut"), (status, refusal["__type"]!.GetValue<string>()));
        await secondRaw.StatesOkAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = newToken, ["output"] = "\"approved\"" });

        using var stepFunctions = new StepFunctionsClient(new StepFunctionsClientOptions(second.Endpoint, "us-east-1", credentials));
        var ended = await WaitUntilEndedAsync(stepFunctions, executionArn);
        Assert.Equal(ExecutionStatus.Succeeded, ended.Status);
        Assert.Equal("\"approved\"", ended.Output);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }

        try
        {
            Directory.Delete(stateFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private async Task<HostProcess> StartHostAsync()
    {
        var host = await HostProcess.StartAsync(["--port", "0", "--state", stateFolder, "--visibility-timeout", "2"]);
        hosts.Add(host);
        return host;
    }

    private AmazonSQSClient CommandApiSqs(Uri edge) =>
        new(CredentialsFile.ReadAdmin(stateFolder).Credentials, new AmazonSQSConfig { ServiceURL = edge.ToString(), AuthenticationRegion = "us-east-1" });

    private static async Task AssertExitsAsync(int processId)
    {
        Assert.True(processId > 0, "The host did not report its dynalite process.");
        try
        {
            using var dynalite = Process.GetProcessById(processId);
            await dynalite.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }

    private async Task<JsonObject> WaitForStatusAsync(Uri edge, string commandId)
    {
        using var http = SignedHttpClient.Create(edge, CredentialsFile.ReadAdmin(stateFolder).Credentials);
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            using var response = await http.GetAsync($"/commands/{commandId}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Command {commandId} never got an outcome.");
    }

    private static async Task<DescribeExecutionResult> WaitUntilEndedAsync(StepFunctionsClient client, string executionArn)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            var described = await client.DescribeExecutionAsync(executionArn);
            if (described.Status != ExecutionStatus.Running)
            {
                return described;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{executionArn} is still running.");
    }
}
