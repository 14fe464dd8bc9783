using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.History;
using StepFunctionsCqrs.Asl.Invokers;
using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.Pipeline;

/// <summary>The project's own command pipeline, run end to end with in-process Lambda-style handlers.</summary>
public class CommandPipelineTests
{
    private const string Account = "arn:aws:lambda:us-east-1:000000000000:function:";

    private sealed class ConcurrencyConflict(string message) : Exception(message);

    private sealed class TransientStoreError(string message) : Exception(message);

    private sealed class Handlers
    {
        public Func<JsonNode?, JsonNode?> Validate { get; set; } = _ => Json("""{ "accepted": true, "rejection": null }""");
        public Func<JsonNode?, JsonNode?> Persist { get; set; } = _ => Json("""{ "accepted": true, "rejection": null, "commit": { "aggregateId": "hotel-1/double", "version": 4 } }""");
        public Func<JsonNode?, JsonNode?> ProjectArrivals { get; set; } = _ => new JsonObject();
        public ConcurrentDictionary<string, int> Calls { get; } = new();
        public int HangingPersistCalls { get; set; }
        public ConcurrentQueue<JsonNode?> StatusRecords { get; } = new();

        public IReadOnlyDictionary<string, Func<Stream, Task<Stream>>> ByArn() => new Dictionary<string, Func<Stream, Task<Stream>>>
        {
            [Account + "Validate"] = Handler("Validate", i => Validate(i)),
            [Account + "Persist"] = Handler("Persist", i => Persist(i)),
            [Account + "ProjectAvailability"] = Handler("ProjectAvailability", _ => new JsonObject()),
            [Account + "ProjectGuestBookings"] = Handler("ProjectGuestBookings", _ => new JsonObject()),
            [Account + "ProjectArrivals"] = Handler("ProjectArrivals", i => ProjectArrivals(i)),
            [Account + "RecordStatus"] = Handler("RecordStatus", i =>
            {
                StatusRecords.Enqueue(i?.DeepClone());
                return new JsonObject { ["recorded"] = true };
            }),
        };

        private Func<Stream, Task<Stream>> Handler(string name, Func<JsonNode?, JsonNode?> body) => async input =>
        {
            var call = Calls.AddOrUpdate(name, 1, (_, n) => n + 1);
            if (name == "Persist" && call <= HangingPersistCalls)
            {
                // A store so slow that the task outlives its TimeoutSeconds: the answer never comes.
                await new TaskCompletionSource().Task;
            }
            var request = await JsonNode.ParseAsync(input);
            var response = body(request);
            return new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(response));
        };
    }

    private static JsonNode? Json(string text) => JsonNode.Parse(text);

    /// <summary>Lambda's service side failing before the handler runs: the first invocations of every function end with one error name.</summary>
    private sealed class FailingService(ITaskInvoker inner, string error, int failuresPerFunction) : ITaskInvoker
    {
        private readonly ConcurrentDictionary<string, int> calls = new();

        public ConcurrentDictionary<string, int> Failed { get; } = new();

        public ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
        {
            if (calls.AddOrUpdate(invocation.Resource, 1, (_, n) => n + 1) <= failuresPerFunction)
            {
                Failed.AddOrUpdate(invocation.Resource, 1, (_, n) => n + 1);
                throw new StatesException(error, $"{error} before the handler ran");
            }

            return inner.InvokeAsync(invocation, cancellationToken);
        }
    }

    private static bool IsLookup(JsonNode? request) => request?["lookupOnly"]?.GetValue<bool>() == true;

    private static string Definition()
    {
        var text = CommandPipelineFile.Read();
        var names = new[] { "Validate", "Persist", "ProjectAvailability", "ProjectGuestBookings", "ProjectArrivals", "RecordStatus" };
        return DefinitionSubstitutions.Apply(text, names.ToDictionary(n => n + "FunctionArn", n => Account + n));
    }

    private static Task<ExecutionResult> Run(Handlers handlers) => Run(new LambdaHandlerInvoker(handlers.ByArn()));

    private static async Task<ExecutionResult> Run(ITaskInvoker invoker)
    {
        var time = new FakeTimeProvider(Machines.Epoch);
        var engine = new ExecutionEngine(StateMachineDefinition.Parse(Definition()), invoker, time, new Random(3));
        var input = Json("""
            { "command": { "commandId": "cmd-1", "type": "BookRoom", "schemaVersion": 1, "payload": { "hotelId": "hotel-1" } },
              "sqs": { "messageId": "m-1", "senderId": "AIDA", "sentTimestamp": "1700000000000", "receiveCount": 1 } }
            """);
        var execution = engine.StartAsync(input, new ExecutionOptions(Name: "cmd-1"));
        await Machines.Settle(execution, time);
        return await execution;
    }

    private static IEnumerable<string> StatesEntered(ExecutionResult result) =>
        result.History.Where(e => e.Type.EndsWith("StateEntered")).Select(e => ((StateEnteredEventDetails)e.Details!).Name);

    [Fact]
    public async Task An_accepted_command_is_validated_persisted_projected_to_every_view_and_recorded_as_accepted()
    {
        var handlers = new Handlers();
        var result = await Run(handlers);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(["Validate", "IsValid", "Persist", "IsDecided", "Project"], StatesEntered(result).Take(5));
        Assert.Equal(1, handlers.Calls["ProjectAvailability"]);
        Assert.Equal(1, handlers.Calls["ProjectGuestBookings"]);
        Assert.Equal(1, handlers.Calls["ProjectArrivals"]);
        var status = Assert.Single(handlers.StatusRecords);
        Assert.Equal("Accepted", status!["status"]!.GetValue<string>());
        Assert.Equal("cmd-1", status["commandId"]!.GetValue<string>());
        Assert.EndsWith(":execution:StateMachine:cmd-1", status["executionId"]!.GetValue<string>());
        Machines.Equal("""{ "aggregateId": "hotel-1/double", "version": 4 }""", status["commit"]);
        Assert.Equal("Accepted", StatesEntered(result).Last());
    }

    [Fact]
    public async Task A_command_that_fails_validation_is_recorded_as_rejected_and_the_execution_still_succeeds()
    {
        var handlers = new Handlers
        {
            Validate = _ => Json("""{ "accepted": false, "rejection": { "reason": "MissingField", "message": "payload.hotelId is required" } }"""),
        };
        var result = await Run(handlers);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.False(handlers.Calls.ContainsKey("Persist"));
        var status = Assert.Single(handlers.StatusRecords);
        Assert.Equal("Rejected", status!["status"]!.GetValue<string>());
        Assert.Equal("MissingField", status["rejection"]!["reason"]!.GetValue<string>());
        Assert.Equal("Rejected", StatesEntered(result).Last());
    }

    [Fact]
    public async Task A_concurrency_conflict_is_retried_and_the_command_is_accepted_on_the_third_attempt()
    {
        var attempts = 0;
        var handlers = new Handlers();
        var accept = handlers.Persist;
        handlers.Persist = input => ++attempts <= 2 ? throw new ConcurrencyConflict("version 4 already exists") : accept(input);

        var result = await Run(handlers);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(3, handlers.Calls["Persist"]);
        Assert.Equal(2, result.History.Count(e => e.Type == HistoryEventType.LambdaFunctionFailed && ((FailureEventDetails)e.Details!).Error == "ConcurrencyConflict"));
        Assert.Equal("Accepted", Assert.Single(handlers.StatusRecords)!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_Persist_that_outlives_its_timeout_is_retried_and_the_command_is_accepted()
    {
        var handlers = new Handlers { HangingPersistCalls = 1 };

        var result = await Run(handlers);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(2, handlers.Calls["Persist"]);
        Assert.Contains(result.History, e => e.Type == HistoryEventType.LambdaFunctionTimedOut);
        Assert.Equal("Accepted", Assert.Single(handlers.StatusRecords)!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_transient_projection_failure_is_retried_inside_its_branch()
    {
        var failures = 0;
        var handlers = new Handlers { ProjectArrivals = _ => ++failures == 1 ? throw new TransientStoreError("throttled") : new JsonObject() };

        var result = await Run(handlers);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(2, handlers.Calls["ProjectArrivals"]);
        Assert.Equal("Accepted", Assert.Single(handlers.StatusRecords)!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unexpected_error_is_recorded_as_failed_and_then_fails_the_execution_with_the_original_error()
    {
        var handlers = new Handlers { Persist = _ => throw new InvalidOperationException("bug in the decider") };

        var result = await Run(handlers);

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("InvalidOperationException", result.Error);
        var cause = JsonNode.Parse(result.Cause!)!;
        Assert.Equal("bug in the decider", cause["errorMessage"]!.GetValue<string>());
        Assert.Equal("InvalidOperationException", cause["errorType"]!.GetValue<string>());
        var status = Assert.Single(handlers.StatusRecords);
        Assert.Equal("Failed", status!["status"]!.GetValue<string>());
        Assert.Equal("InvalidOperationException", status["error"]!["Error"]!.GetValue<string>());
        Assert.Equal(["RecordFailed", "Failed"], StatesEntered(result).TakeLast(2));
        Assert.Equal(HistoryEventType.ExecutionFailed, result.History[^1].Type);
    }

    [Fact]
    public async Task A_projection_that_keeps_failing_after_the_commit_landed_is_recorded_accepted_and_never_failed()
    {
        var handlers = new Handlers { ProjectArrivals = _ => throw new InvalidOperationException("arrivals table missing") };

        var result = await Run(handlers);

        Assert.True(handlers.Calls["ProjectArrivals"] > 1, "The failing projection was not retried.");
        var statuses = handlers.StatusRecords.Select(r => r!["status"]!.GetValue<string>()).ToList();
        Assert.Equal(["Accepted"], statuses);
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("ViewsBehind", result.Error);
        Assert.Contains("arrivals table missing", result.Cause);
    }

    [Theory]
    [InlineData("Lambda.Unknown")]
    [InlineData("Lambda.ClientExecutionTimeoutException")]
    public async Task A_Lambda_service_error_on_every_task_is_retried_and_the_command_is_accepted(string error)
    {
        var handlers = new Handlers();
        var service = new FailingService(new LambdaHandlerInvoker(handlers.ByArn()), error, failuresPerFunction: 1);

        var result = await Run(service);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(6, service.Failed.Count);
        Assert.Equal("Accepted", Assert.Single(handlers.StatusRecords)!["status"]!.GetValue<string>());
        Assert.Equal(1, handlers.Calls["Persist"]);
    }

    [Fact]
    public async Task A_Persist_that_gives_up_after_its_commit_landed_is_recorded_accepted_and_projected()
    {
        var handlers = new Handlers();
        var commit = handlers.Persist;
        handlers.Persist = input => IsLookup(input) ? commit(input) : throw new InvalidOperationException("the append landed but its answer was lost");

        var result = await Run(handlers);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("Accepted", Assert.Single(handlers.StatusRecords)!["status"]!.GetValue<string>());
        Assert.Equal(1, handlers.Calls["ProjectArrivals"]);
        Assert.Contains("FindCommit", StatesEntered(result));
    }

    [Fact]
    public async Task A_Persist_that_gives_up_after_recording_a_decline_is_recorded_rejected_with_that_decline()
    {
        var handlers = new Handlers
        {
            Persist = input => IsLookup(input)
                ? Json("""{ "accepted": false, "rejection": { "reasons": [{ "code": "UnknownBooking", "message": "no b9" }] }, "commit": null }""")
                : throw new InvalidOperationException("the decline was recorded but its answer was lost"),
        };

        var result = await Run(handlers);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        var status = Assert.Single(handlers.StatusRecords);
        Assert.Equal("Rejected", status!["status"]!.GetValue<string>());
        Assert.Equal("UnknownBooking", status["rejection"]!["reasons"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_RecordFailed_that_keeps_failing_still_fails_the_execution_with_the_original_error()
    {
        var handlers = new Handlers { Persist = _ => throw new InvalidOperationException("bug in the decider") };
        var record = handlers.ByArn();
        var byArn = new Dictionary<string, Func<Stream, Task<Stream>>>(record)
        {
            [Account + "RecordStatus"] = _ => throw new TimeoutException("status table unreachable"),
        };

        var result = await Run(new LambdaHandlerInvoker(byArn));

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("InvalidOperationException", result.Error);
        Assert.Contains("bug in the decider", result.Cause);
    }

    [Fact]
    public async Task No_state_after_the_commit_can_reach_RecordFailed_and_no_execution_timeout_can_end_a_command_without_status()
    {
        var definition = JsonNode.Parse(CommandPipelineFile.Read())!.AsObject();
        var states = definition["States"]!.AsObject();
        var reached = new HashSet<string>();
        var pending = new Stack<string>(["Project"]);
        while (pending.TryPop(out var name))
        {
            if (!reached.Add(name))
            {
                continue;
            }

            var state = states[name]!;
            var next = new[] { state["Next"], state["Default"] }
                .Concat(state["Choices"]?.AsArray().Select(c => c!["Next"]) ?? [])
                .Concat(state["Catch"]?.AsArray().Select(c => c!["Next"]) ?? [])
                .OfType<JsonNode>().Select(n => n.GetValue<string>());
            foreach (var target in next)
            {
                pending.Push(target);
            }
        }

        Assert.Contains("RecordAccepted", reached);
        Assert.DoesNotContain("RecordFailed", reached);
        Assert.Null(definition["TimeoutSeconds"]);
    }
}
