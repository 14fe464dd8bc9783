using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Callbacks;
using StepFunctionsCqrs.Asl.History;

namespace StepFunctionsCqrs.Asl.Execution;

/// <summary>Everything one execution shares across its branches: identity, services, history.</summary>
internal sealed class ExecutionRun(
    ITaskInvoker invoker,
    TimeProvider time,
    Random random,
    ExecutionIdentity identity,
    JsonNode? input,
    DateTimeOffset startTime,
    double delayScale,
    TaskTokenBroker callbacks,
    ICallbackParking parking,
    IStateObserver? observer = null,
    ExecutionRedrive? redrive = null)
{
    /// <summary>How this run goes on from an earlier one, or null for a first run.</summary>
    public ExecutionRedrive? Redrive { get; } = redrive;

    /// <summary>A Wait or retry back-off duration as this run waits it (see <see cref="ExecutionOptions.DelayScale"/>).</summary>
    public TimeSpan Scaled(TimeSpan delay) => delayScale >= 1 ? delay : TimeSpan.FromTicks((long)(delay.Ticks * delayScale));

    public ITaskInvoker Invoker { get; } = invoker;

    /// <summary>Issues the tokens of callback-pattern tasks and delivers their answers.</summary>
    public TaskTokenBroker Callbacks { get; } = callbacks;

    /// <summary>Told when this execution waits for a token's answer and when it may run on.</summary>
    public ICallbackParking Parking { get; } = parking;
    public TimeProvider Time { get; } = time;

    /// <summary>Told each processing step of every state, or null.</summary>
    public IStateObserver? Observer { get; } = observer;

    /// <summary>The variables in scope from the start, or null.</summary>
    public JsonObject? InitialVariables { get; init; }
    public Random Random { get; } = random;
    public ExecutionIdentity Identity { get; } = identity;
    public JsonNode? Input { get; } = input;
    public DateTimeOffset StartTime { get; } = startTime;
    public ExecutionHistory History { get; } = new(redrive?.PriorEventCount ?? 0);

    /// <summary>A fresh context object ($$) for one branch; each branch owns its copy because nodes have one parent.</summary>
    public JsonObject CreateContext(MapItemContext? item)
    {
        var context = new JsonObject
        {
            ["Execution"] = new JsonObject
            {
                ["Id"] = Identity.ExecutionArn,
                ["Input"] = (Redrive is null ? Input : Redrive.OriginalInput)?.DeepClone(),
                ["Name"] = Identity.Name,
                ["RoleArn"] = Identity.RoleArn,
                ["StartTime"] = Timestamps.Format(Redrive?.OriginalStart ?? StartTime),
                ["RedriveCount"] = Redrive?.RedriveCount ?? 0,
            },
            ["StateMachine"] = new JsonObject
            {
                ["Id"] = Identity.StateMachineArn,
                ["Name"] = Identity.StateMachineName,
            },
        };
        if (Redrive is not null) context["Execution"]!["RedriveTime"] = Timestamps.Format(Redrive.RedriveTime);
        if (item is not null) context["Map"] = MapNode(item);
        return context;
    }

    /// <summary>The $$.Map object for one item.</summary>
    public static JsonObject MapNode(MapItemContext item) => new()
    {
        ["Item"] = new JsonObject { ["Index"] = item.Index, ["Value"] = item.Value?.DeepClone() },
    };
}
