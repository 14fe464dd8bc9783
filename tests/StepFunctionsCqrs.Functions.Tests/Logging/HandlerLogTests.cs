using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using StepFunctionsCqrs.Functions.Authorization;
using StepFunctionsCqrs.Functions.Errors;
using StepFunctionsCqrs.Functions.Handlers;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;
using StepFunctionsCqrs.Functions.Tests.StepFunctions;
using StepFunctionsCqrs.Functions.Tests.TestKit;
using StepFunctionsCqrs.Testing;
using static StepFunctionsCqrs.Functions.Tests.TestKit.Envelopes;
using static StepFunctionsCqrs.Functions.Tests.TestKit.SqsEvents;

namespace StepFunctionsCqrs.Functions.Tests.Logging;

/// <summary>What the handlers write through their real JSON loggers while a command goes through them.</summary>
[Collection(DynaliteCollection.Name)]
public sealed class HandlerLogTests(Dynalite dynalite)
{
    private static readonly string Execution = Pipeline.ExecutionId("book-1");

    private async Task<Pipeline> BookedAsync(LogCapture capture)
    {
        var pipeline = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync()) { Loggers = capture.Loggers };
        await pipeline.RunAsync(RegisterHotel("register", capacity: 1));
        var persisted = await pipeline.RunAsync(BookRoom("book-1", "ann", "b1", "2027-03-01", "2027-03-02"));
        await Lambda.InvokeAsync(pipeline.RecordStatus.Handle, new JsonObject
        {
            ["commandId"] = "book-1", ["status"] = "Accepted", ["commit"] = JsonNode.Parse(persisted.GetProperty("commit").GetRawText()), ["executionId"] = Execution,
        }.ToJsonString());
        return pipeline;
    }

    [Fact]
    public async Task Every_task_handler_writes_one_json_line_per_command_with_its_ids_state_outcome_and_duration()
    {
        using var capture = new LogCapture(LogLevel.Debug);
        await BookedAsync(capture);
        await Lambda.InvokeAsync(new ValidateHandler(SenderRoles.Parse("""{"ann":["guest"]}""", "test"), CallerRoles.Empty, capture.Loggers).Handle, new JsonObject
        {
            ["command"] = BookRoom("book-1", "ann", "b1", "2027-03-01", "2027-03-02"),
            ["sqs"] = new JsonObject { ["messageId"] = "m1", ["senderId"] = "ann", ["sentTimestamp"] = 1799566200000, ["receiveCount"] = 1 },
            ["executionId"] = Execution,
        }.ToJsonString());

        var lines = capture.Lines.Where(l => l["commandId"] == "book-1").ToList();
        foreach (var (state, outcome) in new[]
        {
            ("Validate", "Valid"), ("Persist", "Committed"), ("ProjectAvailability", "Projected"), ("ProjectGuestBookings", "Projected"),
            ("ProjectArrivals", "Projected"), ("RecordStatus", "Accepted"),
        })
        {
            var line = Assert.Single(lines, l => l["state"] == state);
            // Persist runs inside the workflow's own Persist state here, whose execution is named by the command id too.
            Assert.Equal(("Debug", outcome, true), (line.Level, line["Outcome"], line["executionArn"]!.EndsWith(":book-1", StringComparison.Ordinal)));
            Assert.True(double.Parse(line["DurationMs"]!, System.Globalization.CultureInfo.InvariantCulture) >= 0);
            if (state is "Persist" or "ProjectAvailability")
            {
                Assert.Equal(("inventory#grand#double", "2"), (line["aggregateId"], line["version"]));
            }
        }

        Assert.All(lines.Where(l => l["state"] is "Validate" or "Persist"), l => Assert.Equal("corr-book-1", l["correlationId"]));
    }

    [Fact]
    public async Task A_healthy_command_writes_nothing_at_information()
    {
        using var capture = new LogCapture(LogLevel.Information);
        await BookedAsync(capture);

        Assert.Empty(capture.Lines);
    }

    [Fact]
    public async Task A_persist_that_cannot_reach_its_store_writes_a_warning_naming_the_error_the_workflow_retries()
    {
        using var capture = new LogCapture(LogLevel.Information);
        // A port nothing listens on: the store is unreachable for real.
        using var unreachable = new AmazonDynamoDBClient(new BasicAWSCredentials("test", "test"),
            new AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:1", AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        var handler = new PersistHandler(new DynamoDbCommitLog(unreachable, "log"), new DynamoDbCommandLedger(unreachable, "log"),
            new DynamoDbSnapshotStore(unreachable, "log"), TimeProvider.System, capture.Loggers);
        var input = new JsonObject { ["command"] = BookRoom("book-1", "ann", "b1", "2027-03-01", "2027-03-02"), ["executionId"] = Execution }.ToJsonString();

        await Assert.ThrowsAsync<TransientStoreError>(() => Lambda.InvokeAsync(handler.Handle, input));

        var line = Assert.Single(capture.Lines);
        Assert.Equal(("Warning", nameof(TransientStoreError), "Persist", "book-1"), (line.Level, line["ErrorName"], line["state"], line["commandId"]));
        Assert.Contains("TransientStoreError", line["Exception"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bug_in_a_handler_writes_an_error_line_naming_the_exception()
    {
        using var capture = new LogCapture(LogLevel.Information);
        var pipeline = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync()) { Loggers = capture.Loggers };
        var invalid = new JsonObject { ["command"] = new JsonObject { ["commandId"] = "bad-1" }, ["executionId"] = Pipeline.ExecutionId("bad-1") }.ToJsonString();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Lambda.InvokeAsync(pipeline.Persist.Handle, invalid));

        var line = Assert.Single(capture.Lines);
        Assert.Equal(("Error", nameof(InvalidOperationException), "bad-1"), (line.Level, line["ErrorName"], line["commandId"]));
    }

    [Fact]
    public async Task A_message_that_cannot_become_an_execution_is_logged_with_its_message_id_and_reason()
    {
        using var capture = new LogCapture(LogLevel.Information);
        var handler = new DispatchHandler(new RecordingStepFunctions(), "arn:aws:states:us-east-1:123456789012:stateMachine:CommandPipeline", capture.Loggers);

        await Lambda.InvokeAsync(handler.Handle, Event(Record("m-poison", "this is not json {")));

        var line = Assert.Single(capture.Lines);
        Assert.Equal(("Warning", "Dispatch", "m-poison"), (line.Level, line["state"], line["messageId"]));
        Assert.False(string.IsNullOrEmpty(line["Reason"]));
    }

    [Fact]
    public async Task A_huge_command_id_in_a_rejected_envelope_is_cut_to_its_limit_in_the_log()
    {
        using var capture = new LogCapture(LogLevel.Debug);
        var huge = new string('x', 100_000);
        await Lambda.InvokeAsync(new ValidateHandler(SenderRoles.Parse("""{"ann":["guest"]}""", "test"), CallerRoles.Empty, capture.Loggers).Handle, new JsonObject
        {
            ["command"] = new JsonObject { ["commandId"] = huge },
            ["sqs"] = new JsonObject { ["messageId"] = "m1", ["senderId"] = "ann", ["sentTimestamp"] = 1799566200000, ["receiveCount"] = 1 },
            ["executionId"] = Execution,
        }.ToJsonString());

        var line = Assert.Single(capture.Lines);
        Assert.Equal("Rejected", line["Outcome"]);
        Assert.True(line["commandId"]!.Length <= Functions.Commands.Identifiers.MaxCommandIdLength + 1);
    }
}
