using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl;
using StepFunctionsCqrs.LocalCloud.StepFunctions.Internal;
using StepFunctionsCqrs.LocalCloud.StepFunctions.Testing;

namespace StepFunctionsCqrs.LocalCloud.StepFunctions;

/// <summary>
/// The Step Functions API over the ASL engine, Standard workflows only: state machines, executions, history, and the
/// answers to callback tasks' tokens.
/// Each operation takes the request body and returns the response body of the AWS JSON protocol.
/// </summary>
public sealed class StepFunctionsOperations(StepFunctionsStore store, ExecutionRunner runner, StateMachineArns arns, TimeProvider timeProvider, TaskCallbackOperations callbacks,
    TestStateOperations testing, RedriveOperations redrives)
{
    /// <summary>The largest execution input AWS accepts, in UTF-8 bytes.</summary>
    public const int MaxInputBytes = 262_144;

    private const string Standard = "STANDARD";

    // AWS's limits on ValidateStateMachineDefinition: a definition of up to 1 MiB characters, up to 100 diagnostics.
    private const int MaxDefinitionLength = 1_048_576;
    private const int MaxDiagnostics = 100;
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;
    private readonly SemaphoreSlim startGate = new(1, 1);

    /// <summary>Runs <paramref name="operation"/>; unknown operations answer UnknownOperationException.</summary>
    public Task<JsonObject> InvokeAsync(string operation, JsonObject body, CancellationToken cancellationToken) => operation switch
    {
        "CreateStateMachine" => CreateStateMachineAsync(new RequestFields(operation, body), body, cancellationToken),
        "DescribeStateMachine" => DescribeStateMachineAsync(new RequestFields(operation, body), cancellationToken),
        "ListStateMachines" => ListStateMachinesAsync(new RequestFields(operation, body), cancellationToken),
        "UpdateStateMachine" => UpdateStateMachineAsync(new RequestFields(operation, body), cancellationToken),
        "DeleteStateMachine" => DeleteStateMachineAsync(new RequestFields(operation, body), cancellationToken),
        "StartExecution" => StartExecutionAsync(new RequestFields(operation, body), cancellationToken),
        "DescribeExecution" => DescribeExecutionAsync(new RequestFields(operation, body), cancellationToken),
        "ListExecutions" => ListExecutionsAsync(new RequestFields(operation, body), cancellationToken),
        "GetExecutionHistory" => GetExecutionHistoryAsync(new RequestFields(operation, body), cancellationToken),
        "StopExecution" => StopExecutionAsync(new RequestFields(operation, body), cancellationToken),
        "ValidateStateMachineDefinition" => Task.FromResult(ValidateDefinition(new RequestFields(operation, body))),
        "DescribeStateMachineForExecution" => DescribeStateMachineForExecutionAsync(new RequestFields(operation, body), cancellationToken),
        "TagResource" => TagResourceAsync(new RequestFields(operation, body), body, cancellationToken),
        "UntagResource" => UntagResourceAsync(new RequestFields(operation, body), body, cancellationToken),
        "ListTagsForResource" => ListTagsForResourceAsync(new RequestFields(operation, body), cancellationToken),
        "SendTaskSuccess" => callbacks.SendTaskSuccessAsync(new RequestFields(operation, body), cancellationToken),
        "SendTaskFailure" => callbacks.SendTaskFailureAsync(new RequestFields(operation, body), cancellationToken),
        "SendTaskHeartbeat" => callbacks.SendTaskHeartbeatAsync(new RequestFields(operation, body), cancellationToken),
        "TestState" => testing.TestStateAsync(body, cancellationToken),
        "RedriveExecution" => redrives.RedriveExecutionAsync(new RequestFields(operation, body), cancellationToken),
        _ => throw new StepFunctionsFault(StepFunctionsErrorCodes.UnknownOperation,
            $"The local Step Functions API does not implement {operation}; it serves CreateStateMachine, DescribeStateMachine, ListStateMachines, UpdateStateMachine, DeleteStateMachine, StartExecution, DescribeExecution, ListExecutions, GetExecutionHistory, StopExecution, ValidateStateMachineDefinition, DescribeStateMachineForExecution, TagResource, UntagResource, ListTagsForResource, SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat, TestState and RedriveExecution."),
    };

    private async Task<JsonObject> CreateStateMachineAsync(RequestFields request, JsonObject body, CancellationToken cancellationToken)
    {
        var name = request.RequiredString("name");
        ResourceNames.Check(name, "name");
        var definition = request.RequiredString("definition");
        var roleArn = request.RequiredString("roleArn");
        var type = request.OptionalString("type") ?? Standard;
        if (type != Standard)
        {
            throw new StepFunctionsFault(StepFunctionsErrorCodes.ValidationException,
                $"The local Step Functions API runs STANDARD state machines only, not type '{type}'.");
        }

        CheckDefinition(definition);
        var tags = ResourceTags.Read(body, "tags");
        if (tags.Count > ResourceTags.MaxPerResource)
        {
            throw ResourceTags.TooMany(arns.StateMachine(name), tags.Count);
        }

        var machine = new StateMachineRecord(arns.StateMachine(name), name, definition, roleArn, type, timeProvider.GetUtcNow(), null);
        var existing = await store.InsertStateMachineAsync(machine, cancellationToken).ConfigureAwait(false);
        if (existing is not null && (existing.Definition != definition || existing.RoleArn != roleArn))
        {
            throw new StepFunctionsFault(StepFunctionsErrorCodes.StateMachineAlreadyExists,
                $"State Machine Already Exists: '{existing.Arn}' exists with a different definition or role.");
        }

        var stored = existing ?? machine;
        if (tags.Count > 0)
        {
            await store.ChangeTagsAsync(stored.Arn, tags, [], ResourceTags.MaxPerResource, cancellationToken).ConfigureAwait(false);
        }

        return new JsonObject { ["stateMachineArn"] = stored.Arn, ["creationDate"] = Seconds(stored.CreationDate) };
    }

    private async Task<JsonObject> DescribeStateMachineAsync(RequestFields request, CancellationToken cancellationToken)
    {
        var machine = await RequireStateMachineAsync(request.RequiredString("stateMachineArn"), cancellationToken).ConfigureAwait(false);
        return Described(machine);
    }

    // The state machine as the execution ran it: the local API keeps no versions, so that is its current definition.
    private async Task<JsonObject> DescribeStateMachineForExecutionAsync(RequestFields request, CancellationToken cancellationToken)
    {
        var execution = await RequireExecutionAsync(request.RequiredString("executionArn"), cancellationToken).ConfigureAwait(false);
        var machine = await store.GetStateMachineAsync(execution.StateMachineArn, cancellationToken).ConfigureAwait(false)
            ?? throw new StepFunctionsFault(StepFunctionsErrorCodes.StateMachineDoesNotExist,
                $"State Machine Does Not Exist: '{execution.StateMachineArn}', which ran '{execution.Arn}', was deleted.");
        var described = Described(machine);
        described.Remove("status");
        described.Remove("type");
        described.Remove("creationDate");
        described["updateDate"] = Seconds(machine.UpdateDate ?? machine.CreationDate);
        return described;
    }

    private async Task<JsonObject> TagResourceAsync(RequestFields request, JsonObject body, CancellationToken cancellationToken)
    {
        var arn = await RequireTaggableAsync(request.RequiredString("resourceArn"), cancellationToken).ConfigureAwait(false);
        var tags = ResourceTags.Read(body, "tags");
        var held = await store.ChangeTagsAsync(arn, tags, [], ResourceTags.MaxPerResource, cancellationToken).ConfigureAwait(false);
        return held <= ResourceTags.MaxPerResource ? [] : throw ResourceTags.TooMany(arn, held);
    }

    private async Task<JsonObject> UntagResourceAsync(RequestFields request, JsonObject body, CancellationToken cancellationToken)
    {
        var arn = await RequireTaggableAsync(request.RequiredString("resourceArn"), cancellationToken).ConfigureAwait(false);
        await store.ChangeTagsAsync(arn, [], ResourceTags.ReadKeys(body, "tagKeys"), int.MaxValue, cancellationToken).ConfigureAwait(false);
        return [];
    }

    private async Task<JsonObject> ListTagsForResourceAsync(RequestFields request, CancellationToken cancellationToken)
    {
        var arn = await RequireTaggableAsync(request.RequiredString("resourceArn"), cancellationToken).ConfigureAwait(false);
        var tags = await store.ListTagsAsync(arn, cancellationToken).ConfigureAwait(false);
        return new JsonObject { ["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value })]) };
    }

    // State machines are the taggable resources here (the service also tags activities, which the local API has none of).
    private async Task<string> RequireTaggableAsync(string arn, CancellationToken cancellationToken)
    {
        if (!arn.StartsWith("arn:", StringComparison.Ordinal) || arn.Split(':').Length < 7)
        {
            throw new StepFunctionsFault(StepFunctionsErrorCodes.InvalidArn, $"Invalid Arn: 'Resource type not valid in this context: {arn}'");
        }

        return await store.GetStateMachineAsync(arn, cancellationToken).ConfigureAwait(false) is not null
            ? arn
            : throw new StepFunctionsFault(StepFunctionsErrorCodes.ResourceNotFound, $"Resource not found: '{arn}'");
    }

    private static JsonObject Described(StateMachineRecord machine) =>
        new JsonObject
        {
            ["stateMachineArn"] = machine.Arn,
            ["name"] = machine.Name,
            ["status"] = "ACTIVE",
            ["definition"] = machine.Definition,
            ["roleArn"] = machine.RoleArn,
            ["type"] = machine.Type,
            ["creationDate"] = Seconds(machine.CreationDate),
            ["loggingConfiguration"] = new JsonObject { ["level"] = "ALL", ["includeExecutionData"] = true },
            ["tracingConfiguration"] = new JsonObject { ["enabled"] = true },
        };

    private async Task<JsonObject> ListStateMachinesAsync(RequestFields request, CancellationToken cancellationToken)
    {
        var pageSize = request.OptionalInt("maxResults", 0, MaxPageSize) is { } n and > 0 ? n : DefaultPageSize;
        var offset = PageToken.ReadOffset(request.OptionalString("nextToken"), "ListStateMachines");
        var machines = await store.ListStateMachinesAsync(cancellationToken).ConfigureAwait(false);
        var page = machines.Skip(offset).Take(pageSize).Select(m => (JsonNode)new JsonObject
        {
            ["stateMachineArn"] = m.Arn, ["name"] = m.Name, ["type"] = m.Type, ["creationDate"] = Seconds(m.CreationDate),
        });
        return WithNextToken(new JsonObject { ["stateMachines"] = new JsonArray([.. page]) }, "ListStateMachines", offset + pageSize, machines.Count);
    }

    private async Task<JsonObject> UpdateStateMachineAsync(RequestFields request, CancellationToken cancellationToken)
    {
        var machine = await RequireStateMachineAsync(request.RequiredString("stateMachineArn"), cancellationToken).ConfigureAwait(false);
        var definition = request.OptionalString("definition");
        var roleArn = request.OptionalString("roleArn");
        if (definition is null && roleArn is null)
        {
            throw new StepFunctionsFault(StepFunctionsErrorCodes.ValidationException,
                "UpdateStateMachine needs at least one of definition, roleArn, loggingConfiguration or tracingConfiguration; none was given.");
        }

        if (definition is not null)
        {
            CheckDefinition(definition);
        }

        var updated = machine with
        {
            Definition = definition ?? machine.Definition,
            RoleArn = roleArn ?? machine.RoleArn,
            UpdateDate = timeProvider.GetUtcNow(),
        };
        await store.UpdateStateMachineAsync(updated, cancellationToken).ConfigureAwait(false);
        return new JsonObject { ["updateDate"] = Seconds(updated.UpdateDate!.Value) };
    }

    private async Task<JsonObject> DeleteStateMachineAsync(RequestFields request, CancellationToken cancellationToken)
    {
        var arn = request.RequiredString("stateMachineArn");
        StateMachineArns.StateMachineName(arn, "stateMachineArn");
        await store.DeleteStateMachineAsync(arn, cancellationToken).ConfigureAwait(false);
        return [];
    }

    private async Task<JsonObject> StartExecutionAsync(RequestFields request, CancellationToken cancellationToken)
    {
        // <stateMachineArn>#<TestCase> runs the execution on a test case of the mock configuration.
        var (machineArn, testCase) = SplitTestCase(request.RequiredString("stateMachineArn"));
        var machine = await RequireStateMachineAsync(machineArn, cancellationToken).ConfigureAwait(false);
        if (testCase is not null && runner.Mocks?.Find(machine.Name, testCase) is null)
        {
            throw new StepFunctionsFault(StepFunctionsErrorCodes.InvalidArn, runner.Mocks is null
                ? $"Invalid Arn: '{machineArn}#{testCase}' names the test case '{testCase}', but no mock configuration was loaded (start the local cloud with --mock-config <file>)."
                : $"Invalid Arn: the mock configuration {runner.Mocks.Path} has no test case '{testCase}' for the state machine '{machine.Name}'"
                  + (runner.Mocks.TestCasesOf(machine.Name) is { Count: > 0 } cases ? $"; it has {string.Join(", ", cases)}." : "; it has none for it."));
        }

        var name = request.OptionalString("name") ?? Guid.NewGuid().ToString();
        ResourceNames.Check(name, "name");
        var input = request.OptionalString("input") ?? "{}";

        // AWS measures the limit in UTF-8 bytes, not characters, and refuses it as a length constraint of the request.
        if (Encoding.UTF8.GetByteCount(input) > MaxInputBytes)
        {
            throw new StepFunctionsFault(StepFunctionsErrorCodes.ValidationException,
                $"1 validation error detected: Value at 'input' failed to satisfy constraint: Member must have length less than or equal to {MaxInputBytes}");
        }

        try
        {
            using var parsed = JsonDocument.Parse(input);
        }
        catch (JsonException e)
        {
            throw new StepFunctionsFault(StepFunctionsErrorCodes.InvalidExecutionInput, $"Invalid State Machine Execution Input: '{e.Message}'");
        }

        var execution = new ExecutionRecord(arns.Execution(machine.Name, name), machine.Arn, name, input, "RUNNING", timeProvider.GetUtcNow(), TestCase: testCase);

        // Inserting and starting are one step, so two starts with the same name cannot both run the execution.
        await startGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var existing = await store.InsertExecutionAsync(execution, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                // Standard workflows: the same name and input while running is the same start; anything else is a conflict.
                if (existing.Status == "RUNNING" && SameJson(existing.Input, input) && existing.TestCase == testCase)
                {
                    return Started(existing);
                }

                throw new StepFunctionsFault(StepFunctionsErrorCodes.ExecutionAlreadyExists,
                    $"Execution Already Exists: '{existing.Arn}' ({existing.Status}{(SameJson(existing.Input, input) ? "" : ", with a different input")}).");
            }

            try
            {
                runner.Run(machine, execution);
            }
            catch (Exception e) when (e is AslDefinitionException or JsonException or ExecutionNotRunnableException)
            {
                // Recorded as ended so it is neither left RUNNING nor re-run on every restart.
                await store.CompleteExecutionAsync(execution with
                {
                    Status = "FAILED", StopDate = timeProvider.GetUtcNow(), Error = "States.Runtime", Cause = e.Message, HistoryJson = "[]",
                }, cancellationToken).ConfigureAwait(false);
            }

            return Started(execution);
        }
        finally
        {
            startGate.Release();
        }
    }

    private async Task<JsonObject> DescribeExecutionAsync(RequestFields request, CancellationToken cancellationToken)
    {
        var execution = await RequireExecutionAsync(request.RequiredString("executionArn"), cancellationToken).ConfigureAwait(false);
        var response = new JsonObject
        {
            ["executionArn"] = execution.Arn,
            ["stateMachineArn"] = execution.StateMachineArn,
            ["name"] = execution.Name,
            ["status"] = execution.Status,
            ["startDate"] = Seconds(execution.StartDate),
            ["input"] = execution.Input,
            ["inputDetails"] = new JsonObject { ["included"] = true },
        };
        if (execution.StopDate is { } stopped)
        {
            response["stopDate"] = Seconds(stopped);
        }

        if (execution.Output is not null)
        {
            response["output"] = execution.Output;
            response["outputDetails"] = new JsonObject { ["included"] = true };
        }

        if (execution.Error is not null)
        {
            response["error"] = execution.Error;
        }

        if (execution.Cause is not null)
        {
            response["cause"] = execution.Cause;
        }

        response["redriveCount"] = execution.RedriveCount;
        if (execution.RedriveDate is { } redriven)
        {
            response["redriveDate"] = Seconds(redriven);
        }

        var notRedrivable = RedriveEligibility.ReasonNot(execution, timeProvider.GetUtcNow());
        response["redriveStatus"] = notRedrivable is null ? "REDRIVABLE" : "NOT_REDRIVABLE";
        if (notRedrivable is not null)
        {
            response["redriveStatusReason"] = notRedrivable;
        }

        return response;
    }

    private async Task<JsonObject> ListExecutionsAsync(RequestFields request, CancellationToken cancellationToken)
    {
        if (request.OptionalString("mapRunArn") is not null)
        {
            throw new StepFunctionsFault(StepFunctionsErrorCodes.ValidationException, "The local Step Functions API has no distributed map runs; list executions by stateMachineArn.");
        }

        var machineArn = request.RequiredString("stateMachineArn");
        var machine = await RequireStateMachineAsync(machineArn, cancellationToken).ConfigureAwait(false);
        var status = request.OptionalString("statusFilter");
        if (status is not null and not ("RUNNING" or "SUCCEEDED" or "FAILED" or "TIMED_OUT" or "ABORTED" or "PENDING_REDRIVE"))
        {
            throw new StepFunctionsFault(StepFunctionsErrorCodes.ValidationException,
                $"1 validation error detected: Value '{status}' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [SUCCEEDED, TIMED_OUT, PENDING_REDRIVE, FAILED, RUNNING, ABORTED]");
        }

        var redriveFilter = request.OptionalString("redriveFilter");
        bool? redriven = redriveFilter switch
        {
            null => null,
            "REDRIVEN" => true,
            "NOT_REDRIVEN" => false,
            _ => throw new StepFunctionsFault(StepFunctionsErrorCodes.ValidationException,
                $"1 validation error detected: Value '{redriveFilter}' at 'redriveFilter' failed to satisfy constraint: Member must satisfy enum value set: [REDRIVEN, NOT_REDRIVEN]"),
        };
        var pageSize = request.OptionalInt("maxResults", 0, MaxPageSize) is { } n and > 0 ? n : DefaultPageSize;
        var scope = $"ListExecutions {machine.Arn} {status} {redriveFilter}";
        var before = request.OptionalString("nextToken") is { } token ? PageToken.Read(token, scope) : (long?)null;
        var page = await store.ListExecutionsAsync(machine.Arn, status, before, pageSize, cancellationToken, redriven).ConfigureAwait(false);
        var items = page.Executions.Select(e =>
        {
            var item = new JsonObject
            {
                ["executionArn"] = e.Arn, ["stateMachineArn"] = e.StateMachineArn, ["name"] = e.Name,
                ["status"] = e.Status, ["startDate"] = Seconds(e.StartDate),
            };
            if (e.StopDate is { } stopped)
            {
                item["stopDate"] = Seconds(stopped);
            }

            if (e.RedriveDate is { } redriveDate)
            {
                item["redriveCount"] = e.RedriveCount;
                item["redriveDate"] = Seconds(redriveDate);
            }

            return (JsonNode)item;
        });
        var response = new JsonObject { ["executions"] = new JsonArray([.. items]) };
        if (page.NextBeforeSeq is { } next)
        {
            response["nextToken"] = PageToken.Create(scope, next);
        }

        return response;
    }

    private async Task<JsonObject> GetExecutionHistoryAsync(RequestFields request, CancellationToken cancellationToken)
    {
        var arn = request.RequiredString("executionArn");
        var execution = await RequireExecutionAsync(arn, cancellationToken).ConfigureAwait(false);
        var pageSize = request.OptionalInt("maxResults", 0, MaxPageSize) is { } n and > 0 ? n : DefaultPageSize;
        var reverse = request.OptionalBool("reverseOrder") ?? false;
        var includeData = request.OptionalBool("includeExecutionData") ?? true;
        var scope = $"GetExecutionHistory {arn} {reverse}";
        var offset = PageToken.ReadOffset(request.OptionalString("nextToken"), scope);

        var eventsJson = runner.LiveHistoryJson(arn) ?? execution.HistoryJson ?? "[]";
        var events = JsonNode.Parse(eventsJson)!.AsArray().Select(e => e!.DeepClone().AsObject()).ToList();
        if (reverse)
        {
            events.Reverse();
        }

        var page = events.Skip(offset).Take(pageSize).Select(e => (JsonNode)(includeData ? e : WithoutData(e)));
        return WithNextToken(new JsonObject { ["events"] = new JsonArray([.. page]) }, scope, offset + pageSize, events.Count);
    }

    private async Task<JsonObject> StopExecutionAsync(RequestFields request, CancellationToken cancellationToken)
    {
        var arn = request.RequiredString("executionArn");
        var error = request.OptionalString("error");
        var cause = request.OptionalString("cause");
        await RequireExecutionAsync(arn, cancellationToken).ConfigureAwait(false);
        await runner.StopAsync(arn, error, cause).ConfigureAwait(false);
        var stopped = await RequireExecutionAsync(arn, cancellationToken).ConfigureAwait(false);
        return new JsonObject { ["stopDate"] = Seconds(stopped.StopDate ?? timeProvider.GetUtcNow()) };
    }

    // The same validator as CreateStateMachine, answered as diagnostics rather than an error. Every diagnostic it
    // gives is an ERROR (it has no warnings), so a WARNING severity filter returns the same list.
    private static JsonObject ValidateDefinition(RequestFields request)
    {
        var definition = request.RequiredString("definition");
        if (definition.Length > MaxDefinitionLength)
        {
            throw new StepFunctionsFault(StepFunctionsErrorCodes.ValidationException,
                $"1 validation error detected: Value at 'definition' failed to satisfy constraint: Member must have length less than or equal to {MaxDefinitionLength}");
        }

        if (request.OptionalString("type") is { } type and not (Standard or "EXPRESS"))
        {
            throw new StepFunctionsFault(StepFunctionsErrorCodes.ValidationException,
                $"1 validation error detected: Value '{type}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]");
        }

        if (request.OptionalString("severity") is { } severity and not ("ERROR" or "WARNING"))
        {
            throw new StepFunctionsFault(StepFunctionsErrorCodes.ValidationException,
                $"1 validation error detected: Value '{severity}' at 'severity' failed to satisfy constraint: Member must satisfy enum value set: [ERROR, WARNING]");
        }

        // 0, like no value, means the default and largest page of 100.
        var max = request.OptionalInt("maxResults", 0, MaxDiagnostics) is { } n and > 0 ? n : MaxDiagnostics;
        var problems = StateMachineValidator.Validate(definition);
        var diagnostics = problems.Take(max).Select(p => (JsonNode)new JsonObject
        {
            ["severity"] = "ERROR", ["code"] = p.Code, ["message"] = p.Message, ["location"] = p.Location.Length == 0 ? "/" : p.Location,
        });
        return new JsonObject
        {
            ["result"] = problems.Count == 0 ? "OK" : "FAIL",
            ["diagnostics"] = new JsonArray([.. diagnostics]),
            ["truncated"] = problems.Count > max,
        };
    }

    /// <summary>Refuses a definition the validator finds problems in with InvalidDefinition, naming each problem.</summary>
    internal static void CheckDefinition(string definition)
    {
        var problems = StateMachineValidator.Validate(definition);
        if (problems.Count > 0)
        {
            throw new StepFunctionsFault(StepFunctionsErrorCodes.InvalidDefinition,
                $"Invalid State Machine Definition: '{string.Join("; ", problems.Select(p => p.ToString()))}'");
        }
    }

    private async Task<StateMachineRecord> RequireStateMachineAsync(string arn, CancellationToken cancellationToken)
    {
        StateMachineArns.StateMachineName(arn, "stateMachineArn");
        return await store.GetStateMachineAsync(arn, cancellationToken).ConfigureAwait(false)
            ?? throw new StepFunctionsFault(StepFunctionsErrorCodes.StateMachineDoesNotExist, $"State Machine Does Not Exist: '{arn}'");
    }

    private async Task<ExecutionRecord> RequireExecutionAsync(string arn, CancellationToken cancellationToken)
    {
        StateMachineArns.ExecutionNames(arn, "executionArn");
        return await store.GetExecutionAsync(arn, cancellationToken).ConfigureAwait(false)
            ?? throw new StepFunctionsFault(StepFunctionsErrorCodes.ExecutionDoesNotExist, $"Execution Does Not Exist: '{arn}'");
    }

    private static (string StateMachineArn, string? TestCase) SplitTestCase(string arn) =>
        arn.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? (arn[..hash], arn[(hash + 1)..]) : (arn, null);

    private static JsonObject Started(ExecutionRecord execution) =>
        new() { ["executionArn"] = execution.Arn, ["startDate"] = Seconds(execution.StartDate) };

    private static JsonObject WithNextToken(JsonObject response, string scope, long next, int total)
    {
        if (next < total)
        {
            response["nextToken"] = PageToken.Create(scope, next);
        }

        return response;
    }

    // With includeExecutionData false the service leaves every input and output out of the events.
    private static JsonObject WithoutData(JsonObject historyEvent)
    {
        foreach (var (_, details) in historyEvent)
        {
            if (details is JsonObject fields)
            {
                foreach (var key in new[] { "input", "output", "parameters", "result" })
                {
                    fields.Remove(key);
                }
            }
        }

        return historyEvent;
    }

    private static bool SameJson(string left, string right)
    {
        if (left == right)
        {
            return true;
        }

        try
        {
            return JsonNode.DeepEquals(JsonNode.Parse(left), JsonNode.Parse(right));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static double Seconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;
}
