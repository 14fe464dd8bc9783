using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using StepFunctionsCqrs.Functions.Authorization;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Handlers;
using StepFunctionsCqrs.Functions.Persistence;
using StepFunctionsCqrs.Functions.Queries;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;
using StepFunctionsCqrs.Functions.Tracing;

namespace StepFunctionsCqrs.Functions.Tests.TestKit;

/// <summary>The workflow's task handlers wired to one set of dynalite tables, called the way the state machine calls them.</summary>
public sealed class Pipeline(IAmazonDynamoDB dynamoDb, TableNames tables)
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2027, 1, 10, 9, 30, 0, TimeSpan.Zero));

    private int conflicts;
    private int nextContainer = -1;
    private PersistHandler[]? warmPersisters;

    public TableNames Tables => tables;

    /// <summary>Where the handlers log; the process's loggers (stdout, Information) unless a test sets its own.</summary>
    public ILoggerFactory? Loggers { get; init; }

    /// <summary>How many appends lost the race for a version and were decided again, inside Persist or by the workflow's Retry.</summary>
    public int Conflicts => conflicts;

    /// <summary>
    /// Persist as Lambda runs it: one of four warm containers, each keeping the aggregates it loaded, in turn. Calls
    /// racing for one aggregate therefore decide on caches that other containers have made stale.
    /// </summary>
    public PersistHandler Persist
    {
        get
        {
            var containers = LazyInitializer.EnsureInitialized(ref warmPersisters, () =>
                [.. Enumerable.Range(0, 4).Select(_ => new PersistHandler(new CommandPersister(
                    new DynamoDbCommitLog(dynamoDb, tables.CommitLog), new DynamoDbCommandLedger(dynamoDb, tables.CommitLog),
                    new InventoryHistories(new DynamoDbCommitLog(dynamoDb, tables.CommitLog), new DynamoDbSnapshotStore(dynamoDb, tables.CommitLog), Time), Time,
                    ConflictRetry.Create(TimeProvider.System, onRetry: _ => Interlocked.Increment(ref conflicts))), Loggers))]);
            return containers[(int)((uint)Interlocked.Increment(ref nextContainer) % containers.Length)];
        }
    }

    public ProjectAvailabilityHandler ProjectAvailability => new(new DynamoDbAvailabilityView(dynamoDb, tables.Availability), Loggers, Time);

    public ProjectGuestBookingsHandler ProjectGuestBookings => new(new DynamoDbGuestBookingsView(dynamoDb, tables.GuestBookings), Loggers, Time);

    public ProjectArrivalsHandler ProjectArrivals => new(new DynamoDbArrivalsView(dynamoDb, tables.Arrivals), Loggers, Time);

    public RecordStatusHandler RecordStatus => new(new DynamoDbCommandStatusView(dynamoDb, tables.CommandStatus), Time, CommandStatusRetention.Default, Loggers);

    public QueryHandler Query => new(
        new DynamoDbAvailabilityView(dynamoDb, tables.Availability),
        new DynamoDbGuestBookingsView(dynamoDb, tables.GuestBookings),
        new DynamoDbArrivalsView(dynamoDb, tables.Arrivals),
        new DynamoDbCommandStatusView(dynamoDb, tables.CommandStatus),
        new ApiCaller(CallerRoles.Parse($$"""{"{{Admin}}":["admin"]}""", "test"), ApiCaller.DefaultGroupsClaim), Loggers);

    /// <summary>The IAM principal the query tests' admin signs as.</summary>
    public const string Admin = "arn:aws:iam::123456789012:user/ops";

    /// <summary>The state machine Dispatch starts executions of.</summary>
    public const string StateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:CommandPipeline";

    public static string ExecutionId(string commandId) => $"arn:aws:states:us-east-1:123456789012:execution:CommandPipeline:{commandId}";

    /// <summary>Calls Persist through the workflow's own Persist state, so a lost race is retried as the workflow retries it.</summary>
    public async Task<JsonElement> PersistWithRetryAsync(JsonObject envelope)
    {
        var (persisted, lost) = await WorkflowPersistState.RunAsync(Persist.Handle, envelope);
        Interlocked.Add(ref conflicts, lost);
        return persisted;
    }

    /// <summary>Feeds a commit to the three projections as the Parallel state does.</summary>
    public async Task ProjectAsync(JsonElement commit)
    {
        var input = JsonSerializer.Serialize(new { commit, executionId = ExecutionId(commit.GetProperty("commandId").GetString()!) });
        await Lambda.InvokeAsync(ProjectAvailability.Handle, input);
        await Lambda.InvokeAsync(ProjectGuestBookings.Handle, input);
        await Lambda.InvokeAsync(ProjectArrivals.Handle, input);
    }

    /// <summary>
    /// Sends the command as a client would, through Dispatch and every task as the workflow runs them, carrying the
    /// message's sqs facts from the execution input into each; a <paramref name="traceParent"/> is put on the message as
    /// a client's, and the clock advances <paramref name="projectAfter"/> before the projections and
    /// <paramref name="recordAfter"/> before RecordStatus. Returns when the status was recorded.
    /// </summary>
    public async Task<DateTimeOffset> RunAsWorkflowAsync(
        JsonObject envelope, string? traceParent = null, TimeSpan projectAfter = default, TimeSpan recordAfter = default)
    {
        var commandId = (string)envelope["commandId"]!;
        var stepFunctions = new RecordingStepFunctions();
        var message = SqsEvents.Record($"m-{commandId}", envelope.ToJsonString(), senderId: "ann");
        await Lambda.InvokeAsync(new DispatchHandler(stepFunctions, StateMachineArn).Handle,
            SqsEvents.Event(traceParent is null ? message : message.WithAttribute(PipelineTrace.MessageAttribute, traceParent)));
        var sqs = JsonNode.Parse(stepFunctions.Executions[commandId])!["sqs"]!.AsObject();
        var execution = ExecutionId(commandId);

        await Lambda.InvokeAsync(new ValidateHandler(SenderRoles.Parse("""{"ann":["guest"]}""", "test"), CallerRoles.Empty).Handle,
            new JsonObject { ["command"] = envelope.DeepClone(), ["sqs"] = sqs.DeepClone(), ["executionId"] = execution }.ToJsonString());
        var (persisted, _) = await WorkflowPersistState.RunAsync(Persist.Handle, envelope, sqs);
        var status = new JsonObject { ["commandId"] = commandId, ["command"] = envelope.DeepClone(), ["executionId"] = execution, ["sqs"] = sqs.DeepClone() };
        if (persisted.GetProperty("accepted").GetBoolean())
        {
            Time.Advance(projectAfter);
            var project = new JsonObject { ["commit"] = JsonNode.Parse(persisted.GetProperty("commit").GetRawText()), ["executionId"] = execution, ["sqs"] = sqs.DeepClone() }.ToJsonString();
            await Lambda.InvokeAsync(ProjectAvailability.Handle, project);
            await Lambda.InvokeAsync(ProjectGuestBookings.Handle, project);
            await Lambda.InvokeAsync(ProjectArrivals.Handle, project);
            status["status"] = "Accepted";
            status["commit"] = JsonNode.Parse(persisted.GetProperty("commit").GetRawText());
        }
        else
        {
            status["status"] = "Rejected";
            status["rejection"] = JsonNode.Parse(persisted.GetProperty("rejection").GetRawText());
        }

        Time.Advance(recordAfter);
        await Lambda.InvokeAsync(RecordStatus.Handle, status.ToJsonString());
        return Time.GetUtcNow();
    }

    /// <summary>Persists, projects and records an accepted command; returns Persist's output.</summary>
    public async Task<JsonElement> RunAsync(JsonObject envelope)
    {
        var persisted = await PersistWithRetryAsync(envelope);
        if (persisted.GetProperty("accepted").GetBoolean())
        {
            await ProjectAsync(persisted.GetProperty("commit"));
        }

        return persisted;
    }
}
