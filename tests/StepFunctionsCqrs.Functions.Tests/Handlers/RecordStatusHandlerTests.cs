using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Functions.Tests.TestKit;
using StepFunctionsCqrs.Testing;

namespace StepFunctionsCqrs.Functions.Tests.Handlers;

[Collection(DynaliteCollection.Name)]
public sealed class RecordStatusHandlerTests(Dynalite dynalite)
{
    private static string Rejected(string commandId) => new JsonObject
    {
        ["commandId"] = commandId,
        ["status"] = "Rejected",
        ["rejection"] = new JsonObject
        {
            ["reasons"] = new JsonArray(new JsonObject { ["code"] = "StayTooLong", ["message"] = "The stay is 31 nights; at most 30 are allowed.", ["field"] = "payload.checkOut" }),
        },
        ["executionId"] = Pipeline.ExecutionId(commandId),
    }.ToJsonString();

    private static string Failed(string commandId) => new JsonObject
    {
        ["commandId"] = commandId,
        ["status"] = "Failed",
        ["error"] = new JsonObject { ["Error"] = "States.TaskFailed", ["Cause"] = "boom" },
        ["executionId"] = Pipeline.ExecutionId(commandId),
    }.ToJsonString();

    [Fact]
    public async Task Recording_the_same_outcome_twice_returns_the_same_result_and_keeps_the_first_record()
    {
        var pipeline = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());

        var first = await Lambda.InvokeAsync(pipeline.RecordStatus.Handle, Rejected("c1"));
        var view = await TableContents.ScanAsync(dynalite.Client, pipeline.Tables.CommandStatus);
        pipeline.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await Lambda.InvokeAsync(pipeline.RecordStatus.Handle, Rejected("c1"));

        Assert.Equal(first.GetRawText(), second.GetRawText());
        Assert.Equal(view, await TableContents.ScanAsync(dynalite.Client, pipeline.Tables.CommandStatus));
        Assert.Equal("Rejected", first.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_later_run_may_replace_a_failure_but_nothing_replaces_a_final_outcome()
    {
        var pipeline = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());

        await Lambda.InvokeAsync(pipeline.RecordStatus.Handle, Failed("c1"));
        var replaced = await Lambda.InvokeAsync(pipeline.RecordStatus.Handle, Rejected("c1"));
        var kept = await Lambda.InvokeAsync(pipeline.RecordStatus.Handle, Failed("c1"));

        Assert.Equal("Rejected", replaced.GetProperty("status").GetString());
        Assert.Equal("Rejected", kept.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_accepted_command_records_the_versions_it_appended_and_the_read_api_shows_them()
    {
        var pipeline = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());
        var persisted = await pipeline.RunAsync(Envelopes.RegisterHotel("register", 2));
        var input = new JsonObject
        {
            ["commandId"] = "register",
            ["status"] = "Accepted",
            ["commit"] = JsonNode.Parse(persisted.GetProperty("commit").GetRawText()),
            ["executionId"] = Pipeline.ExecutionId("register"),
        }.ToJsonString();

        await Lambda.InvokeAsync(pipeline.RecordStatus.Handle, input);
        var response = await Lambda.InvokeAsync(pipeline.Query.Handle, QueryEvents.Get("/commands/register"));

        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        var body = JsonDocument.Parse(response.GetProperty("body").GetString()!).RootElement;
        Assert.Equal("Accepted", body.GetProperty("status").GetString());
        Assert.Equal(["hotel#grand", "inventory#grand#double"], body.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("aggregateId").GetString()));
    }

    [Fact]
    public async Task A_failure_is_recorded_and_answered_with_its_error_name_and_message_never_its_stack_trace()
    {
        var pipeline = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());
        var lambdaCause = JsonSerializer.Serialize(new
        {
            errorType = "AmazonDynamoDBException",
            errorMessage = "Requested resource not found",
            stackTrace = new[] { "at StepFunctionsCqrs.Functions.Stores.DynamoDb.DynamoDbCommitLog.AppendAsync(StoredCommit commit)", "at Amazon.Runtime.Internal.HttpHandler`1.InvokeAsync" },
        });
        var input = new JsonObject
        {
            ["commandId"] = "c9",
            ["status"] = "Failed",
            ["error"] = new JsonObject { ["Error"] = "AmazonDynamoDBException", ["Cause"] = lambdaCause },
            ["executionId"] = Pipeline.ExecutionId("c9"),
        }.ToJsonString();

        await Lambda.InvokeAsync(pipeline.RecordStatus.Handle, input);
        var stored = await TableContents.ScanAsync(dynalite.Client, pipeline.Tables.CommandStatus);
        var response = await Lambda.InvokeAsync(pipeline.Query.Handle, QueryEvents.Get("/commands/c9"));

        var error = JsonDocument.Parse(response.GetProperty("body").GetString()!).RootElement.GetProperty("error");
        Assert.Equal("AmazonDynamoDBException", error.GetProperty("Error").GetString());
        Assert.Equal("Requested resource not found", error.GetProperty("Cause").GetString());
        Assert.DoesNotContain("StepFunctionsCqrs.Functions", response.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("stackTrace", string.Join('\n', stored), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_text_cause_keeps_its_first_line_and_drops_the_frames_under_it()
    {
        var pipeline = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());
        var input = new JsonObject
        {
            ["commandId"] = "c8",
            ["status"] = "Failed",
            ["error"] = new JsonObject { ["Error"] = "States.TaskFailed", ["Cause"] = "System.InvalidOperationException: broken\n   at Foo.Bar() in /src/Foo.cs:line 3" },
            ["executionId"] = Pipeline.ExecutionId("c8"),
        }.ToJsonString();

        await Lambda.InvokeAsync(pipeline.RecordStatus.Handle, input);
        var response = await Lambda.InvokeAsync(pipeline.Query.Handle, QueryEvents.Get("/commands/c8"));

        var error = JsonDocument.Parse(response.GetProperty("body").GetString()!).RootElement.GetProperty("error");
        Assert.Equal("System.InvalidOperationException: broken", error.GetProperty("Cause").GetString());
    }

    [Fact]
    public async Task A_recorded_status_carries_the_epoch_second_after_which_the_tables_ttl_deletes_it()
    {
        var pipeline = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());

        await Lambda.InvokeAsync(pipeline.RecordStatus.Handle, Rejected("c1"));
        var item = (await dynalite.Client.GetItemAsync(pipeline.Tables.CommandStatus, new() { ["CommandId"] = new() { S = "c1" } })).Item;

        Assert.Equal((pipeline.Time.GetUtcNow() + TimeSpan.FromDays(90)).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), item["expiresAt"].N);
    }
}
