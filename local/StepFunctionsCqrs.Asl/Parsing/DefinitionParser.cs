using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Paths;
using StepFunctionsCqrs.Asl.States;
using StepFunctionsCqrs.Asl.States.Choice;
using StepFunctionsCqrs.Asl.States.Fail;
using StepFunctionsCqrs.Asl.States.Map;
using StepFunctionsCqrs.Asl.States.Parallel;
using StepFunctionsCqrs.Asl.States.Pass;
using StepFunctionsCqrs.Asl.States.Succeed;
using StepFunctionsCqrs.Asl.States.Tasks;
using StepFunctionsCqrs.Asl.States.Wait;

namespace StepFunctionsCqrs.Asl.Parsing;

/// <summary>Builds the state tree from a definition that has passed validation.</summary>
internal static class DefinitionParser
{
    public static StatesBlock Block(JsonObject block)
    {
        var states = new Dictionary<string, State>(StringComparer.Ordinal);
        foreach (var (name, definition) in block["States"]!.AsObject())
        {
            states[name] = State(name, definition!.AsObject());
        }
        return new StatesBlock(block["StartAt"]!.GetValue<string>(), states);
    }

    private static State State(string name, JsonObject definition) => definition["Type"]!.GetValue<string>() switch
    {
        "Pass" => new PassState(name, definition),
        "Task" => new TaskState(name, definition, Retry(definition), Catch(definition), Timeouts(definition)),
        "Choice" => new ChoiceState(name, definition),
        "Wait" => new WaitState(name, definition),
        "Succeed" => new SucceedState(name, definition),
        "Fail" => new FailState(name, definition),
        "Parallel" => new ParallelState(name, definition,
            definition["Branches"]!.AsArray().Select(b => Block(b!.AsObject())).ToList(), Retry(definition), Catch(definition)),
        "Map" => Map(name, definition),
        var other => throw new InvalidOperationException($"Unknown state type '{other}' survived validation."),
    };

    private static MapState Map(string name, JsonObject definition)
    {
        var processor = (definition["ItemProcessor"] ?? definition["Iterator"])!.AsObject();
        var mode = processor["ProcessorConfig"]?["Mode"]?.GetValue<string>() == "DISTRIBUTED" ? ProcessorMode.Distributed : ProcessorMode.Inline;
        return new MapState(name, definition, Block(processor), mode, Retry(definition), Catch(definition));
    }

    private static RetryPolicy? Retry(JsonObject definition)
    {
        if (definition["Retry"] is not JsonArray retriers || retriers.Count == 0) return null;
        return new RetryPolicy(retriers.Select(r =>
        {
            var retrier = r!.AsObject();
            return new Retrier(
                Errors(retrier),
                IntervalSeconds: (int)(retrier["IntervalSeconds"]?.GetValue<double>() ?? 1),
                MaxAttempts: (int)(retrier["MaxAttempts"]?.GetValue<double>() ?? 3),
                BackoffRate: retrier["BackoffRate"]?.GetValue<double>() ?? 2.0,
                MaxDelaySeconds: retrier["MaxDelaySeconds"] is { } max ? (int)max.GetValue<double>() : null,
                Jitter: retrier["JitterStrategy"]?.GetValue<string>() == "FULL" ? JitterStrategy.Full : JitterStrategy.None);
        }).ToList());
    }

    private static CatchPolicy? Catch(JsonObject definition)
    {
        if (definition["Catch"] is not JsonArray catchers || catchers.Count == 0) return null;
        return new CatchPolicy(catchers.Select(c =>
        {
            var catcher = c!.AsObject();
            return new Catcher(
                Errors(catcher),
                catcher["Next"]!.GetValue<string>(),
                ResultPathField.From(catcher["ResultPath"], catcher.ContainsKey("ResultPath")),
                AssignField.CompileIfPresent(catcher));
        }).ToList());
    }

    private static ErrorMatcher Errors(JsonObject entry) =>
        new(entry["ErrorEquals"]!.AsArray().Select(e => e!.GetValue<string>()).ToList());

    private static TaskTimeouts Timeouts(JsonObject definition)
    {
        int? timeout = definition["TimeoutSeconds"] is { } t ? (int)t.GetValue<double>() : null;
        int? heartbeat = definition["HeartbeatSeconds"] is { } h ? (int)h.GetValue<double>() : null;
        var timeoutPath = definition["TimeoutSecondsPath"] is { } tp ? JsonPath.Parse(tp.GetValue<string>()) : null;
        var heartbeatPath = definition["HeartbeatSecondsPath"] is { } hp ? JsonPath.Parse(hp.GetValue<string>()) : null;
        return timeout is null && heartbeat is null && timeoutPath is null && heartbeatPath is null
            ? TaskTimeouts.None
            : new TaskTimeouts(timeout, timeoutPath, heartbeat, heartbeatPath);
    }
}
