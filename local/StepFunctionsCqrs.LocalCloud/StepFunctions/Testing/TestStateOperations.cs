using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.States;
using StepFunctionsCqrs.LocalCloud.StepFunctions.Internal;

namespace StepFunctionsCqrs.LocalCloud.StepFunctions.Testing;

/// <summary>
/// TestState: runs one state, given alone or by name in a whole definition, once, on the engine, and answers with its
/// output or error, the state it would go to next, and (DEBUG, TRACE) each step of its input and output processing
/// as the engine took it. A Task's resource runs for real unless <c>mock</c> answers for it; a Retry that matches the
/// error answers RETRIABLE rather than retrying, a Catch that matches it CAUGHT_ERROR with its Next.
/// </summary>
public sealed class TestStateOperations(ITaskInvoker invoker, TimeProvider timeProvider)
{
    private const string Operation = "TestState";
    private const int MaxDefinitionLength = 1_048_576;
    private const int MaxDataBytes = StepFunctionsOperations.MaxInputBytes;

    // AWS stops a test after five minutes with States.Timeout.
    private static readonly TimeSpan MaxRun = TimeSpan.FromMinutes(5);

    /// <summary>Runs the request's state and answers as TestState does.</summary>
    internal async Task<JsonObject> TestStateAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var request = new RequestFields(Operation, body);
        var definitionText = request.RequiredString("definition");
        if (definitionText.Length > MaxDefinitionLength)
        {
            throw Invalid($"Value at 'definition' failed to satisfy constraint: Member must have length less than or equal to {MaxDefinitionLength}");
        }

        var level = request.OptionalString("inspectionLevel") ?? "INFO";
        if (level is not ("INFO" or "DEBUG" or "TRACE"))
        {
            throw Invalid($"Value '{level}' at 'inspectionLevel' failed to satisfy constraint: Member must satisfy enum value set: [INFO, DEBUG, TRACE]");
        }

        request.OptionalString("roleArn");
        request.OptionalBool("revealSecrets");
        var inputText = request.OptionalString("input") ?? "{}";
        var input = ParseData(inputText, "input", StepFunctionsErrorCodes.InvalidExecutionInput, "Invalid State Machine Execution Input");
        var variables = request.OptionalString("variables") is { } variablesText
            ? ParseData(variablesText, "variables", StepFunctionsErrorCodes.ValidationException, "Invalid variables") as JsonObject
                ?? throw Invalid("Value at 'variables' failed to satisfy constraint: Member must be a JSON object of variable names and values")
            : null;
        var context = request.OptionalString("context") is { } contextText
            ? ParseData(contextText, "context", StepFunctionsErrorCodes.ValidationException, "Invalid context") as JsonObject
                ?? throw Invalid("Value at 'context' failed to satisfy constraint: Member must be a JSON object")
            : null;

        var (stateName, state) = TestedState(definitionText, request.OptionalString("stateName"));
        var mock = ReadMock(body, state);
        var retryCount = body["stateConfiguration"] is JsonObject configuration
            ? new RequestFields(Operation, configuration).OptionalInt("retrierRetryCount", 0, int.MaxValue) ?? 0
            : 0;
        var type = state["Type"]?.GetValue<string>();
        if (type is "Parallel" or "Map")
        {
            throw Invalid($"The local TestState does not test {type} states.");
        }

        if (mock is null && state["Resource"] is JsonValue resource && resource.TryGetValue<string>(out var arn)
            && (arn.EndsWith(".waitForTaskToken", StringComparison.Ordinal) || arn.Contains(".sync", StringComparison.Ordinal)))
        {
            throw Invalid($"TestState runs a .waitForTaskToken or .sync integration only with a mock: '{arn}'.");
        }

        // The tested state as given decides Retry; the one that runs has none, so it runs once.
        var tested = StateMachineDefinition.Parse(TestStateMachine.Standalone(stateName, state)).Root.States[stateName];
        var run = TestStateMachine.For(stateName, state, mock is not null);
        var inspection = new TestStateInspection(run.RunName);
        var engine = new ExecutionEngine(StateMachineDefinition.Parse(run.Definition), mock ?? invoker, timeProvider);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(MaxRun);
        var result = await engine.StartAsync(input, Options(context, variables, inspection), limit.Token).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return Answer(tested, run, result, inspection, inputText, level, retryCount);
    }

    private static ExecutionOptions Options(JsonObject? context, JsonObject? variables, TestStateInspection inspection) =>
        new(Name: Text(context?["Execution"]?["Name"]), ExecutionArn: Text(context?["Execution"]?["Id"]),
            StateMachineArn: Text(context?["StateMachine"]?["Id"]), RoleArn: Text(context?["Execution"]?["RoleArn"]))
        {
            DelayScale = 0,
            Observer = inspection,
            Variables = variables,
        };

    private static JsonObject Answer(State tested, TestStateMachine run, ExecutionResult result, TestStateInspection inspection, string input, string level, int retryCount)
    {
        var answer = new JsonObject();
        var details = new JsonObject();
        string status;
        if (result.Status == ExecutionStatus.Aborted)
        {
            status = "FAILED";
            answer["error"] = "States.Timeout";
            answer["cause"] = $"The state did not complete within {MaxRun.TotalMinutes} minutes.";
        }
        else if (inspection.Error is { } raised && RetrierIndex(tested, raised.Error) is { } index
            && tested.Retry!.Retriers[index] is var found && retryCount < found.MaxAttempts)
        {
            status = "RETRIABLE";
            answer["error"] = raised.Error;
            answer["cause"] = raised.Cause;
            details["retryIndex"] = index;
            details["retryBackoffIntervalSeconds"] = (int)Math.Round(found.DelayBefore(retryCount, Random.Shared).TotalSeconds);
        }
        else if (inspection.Error is { } caught && result.Status == ExecutionStatus.Succeeded)
        {
            status = "CAUGHT_ERROR";
            answer["error"] = caught.Error;
            answer["cause"] = caught.Cause;
            answer["output"] = result.OutputJson;
            answer["nextState"] = NextState(run, result);
            details["catchIndex"] = CatchIndex(tested, caught.Error);
        }
        else if (result.Status == ExecutionStatus.Succeeded)
        {
            status = "SUCCEEDED";
            answer["output"] = result.OutputJson;
            if (NextState(run, result) is { } next)
            {
                answer["nextState"] = next;
            }
        }
        else
        {
            status = "FAILED";
            answer["error"] = result.Error;
            answer["cause"] = result.Cause;
        }

        answer["status"] = status;
        if (level != "INFO")
        {
            var data = inspection.ToInspectionData(input);
            if (details.Count > 0)
            {
                data["errorDetails"] = details;
            }

            answer["inspectionData"] = data;
        }

        return answer;
    }

    // The first retrier whose ErrorEquals matches decides, as in the engine; exhausted, it lets Catch have the error.
    private static int? RetrierIndex(State tested, string error) =>
        FirstMatch([.. (tested.Retry?.Retriers ?? []).Select(r => r.Errors)], error) is var index and >= 0 ? index : null;

    private static int CatchIndex(State tested, string error) => FirstMatch([.. (tested.Catch?.Catchers ?? []).Select(c => c.Errors)], error);

    // The index of the first list that handles the error, or -1.
    private static int FirstMatch(IReadOnlyList<ErrorMatcher> matchers, string error)
    {
        for (var i = 0; i < matchers.Count; i++)
        {
            if (matchers[i].Matches(error))
            {
                return i;
            }
        }

        return -1;
    }

    // The run's second state entered is the stub of the state the tested one went to.
    private static string? NextState(TestStateMachine run, ExecutionResult result) =>
        result.History
            .Select(e => e.Details)
            .OfType<Asl.History.StateEnteredEventDetails>()
            .Skip(1)
            .Select(d => d.Name == run.RunName ? run.StateName : d.Name)
            .FirstOrDefault();

    // A single state's definition, or a whole machine's with stateName naming one of its top-level states.
    private static (string Name, JsonObject State) TestedState(string definitionText, string? stateName)
    {
        JsonObject definition;
        try
        {
            definition = JsonNode.Parse(definitionText) as JsonObject
                ?? throw new StepFunctionsFault(StepFunctionsErrorCodes.InvalidDefinition, "Invalid State Machine Definition: 'The definition must be a JSON object.'");
        }
        catch (JsonException e)
        {
            throw new StepFunctionsFault(StepFunctionsErrorCodes.InvalidDefinition, $"Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: {e.Message}'");
        }

        if (definition.ContainsKey("States"))
        {
            StepFunctionsOperations.CheckDefinition(definitionText);
            if (stateName is null)
            {
                throw Invalid("Value null at 'stateName' failed to satisfy constraint: Member must not be null when 'definition' is a state machine");
            }

            return definition["States"] is JsonObject states && states[stateName] is JsonObject state
                ? (stateName, state)
                : throw Invalid($"The state machine definition has no top-level state named '{stateName}'.");
        }

        var name = stateName ?? "TestState";
        StepFunctionsOperations.CheckDefinition(TestStateMachine.Standalone(name, definition));
        return (name, definition);
    }

    private static TestStateMock? ReadMock(JsonObject body, JsonObject state)
    {
        if (body["mock"] is not JsonObject mock)
        {
            return body["mock"] is null ? null : throw Invalid("Member 'mock' must be an object");
        }

        if (state["Type"]?.GetValue<string>() != "Task")
        {
            throw Invalid($"A mock answers for a Task state only, not a {state["Type"]} state.");
        }

        var fields = new RequestFields(Operation, mock);
        if (fields.OptionalString("fieldValidationMode") is { } mode and not ("STRICT" or "PRESENT" or "NONE"))
        {
            throw Invalid($"Value '{mode}' at 'mock.fieldValidationMode' failed to satisfy constraint: Member must satisfy enum value set: [STRICT, PRESENT, NONE]");
        }

        var resultText = fields.OptionalString("result");
        var error = mock["errorOutput"] as JsonObject;
        if ((resultText is null) == (error is null))
        {
            throw Invalid("A mock has exactly one of 'result' and 'errorOutput'.");
        }

        if (error is not null)
        {
            var errorFields = new RequestFields(Operation, error);
            return new TestStateMock(null, errorFields.RequiredString("error"), errorFields.OptionalString("cause"));
        }

        return new TestStateMock(ParseData(resultText!, "mock.result", StepFunctionsErrorCodes.ValidationException, "Invalid mock result"), null, null);
    }

    private static JsonNode? ParseData(string text, string member, string code, string what)
    {
        if (Encoding.UTF8.GetByteCount(text) > MaxDataBytes)
        {
            throw Invalid($"Value at '{member}' failed to satisfy constraint: Member must have length less than or equal to {MaxDataBytes}");
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new StepFunctionsFault(code, $"{what}: '{e.Message}'");
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static StepFunctionsFault Invalid(string message) =>
        new(StepFunctionsErrorCodes.ValidationException, $"1 validation error detected: {message}");
}
