using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Execution;
using StepFunctionsCqrs.Asl.Paths;
using StepFunctionsCqrs.Asl.Internal;

namespace StepFunctionsCqrs.Asl.Common;

/// <summary>TimeoutSeconds/TimeoutSecondsPath and HeartbeatSeconds/HeartbeatSecondsPath of a Task.</summary>
public sealed class TaskTimeouts(int? timeoutSeconds, JsonPath? timeoutPath, int? heartbeatSeconds, JsonPath? heartbeatPath)
{
    /// <summary>No timeout and no heartbeat. The service's own default (99999999 s) is never reached locally.</summary>
    public static TaskTimeouts None { get; } = new(null, null, null, null);

    /// <summary>True when neither a timeout nor a heartbeat applies.</summary>
    public bool IsNone => timeoutSeconds is null && timeoutPath is null && heartbeatSeconds is null && heartbeatPath is null;

    /// <summary>Resolves the timeout in seconds for this run, or null.</summary>
    internal int? Timeout(JsonNode? input, BranchScope scope) => timeoutSeconds ?? Resolve(timeoutPath, "TimeoutSecondsPath", input, scope);

    /// <summary>Resolves the heartbeat interval in seconds for this run, or null.</summary>
    internal int? Heartbeat(JsonNode? input, BranchScope scope) => heartbeatSeconds ?? Resolve(heartbeatPath, "HeartbeatSecondsPath", input, scope);

    private static int? Resolve(JsonPath? path, string field, JsonNode? input, BranchScope scope)
    {
        if (path is null) return null;
        var value = path.Select(scope.Scope(input, path.Text.StartsWith("$$", StringComparison.Ordinal)));
        if (JsonScalar.TryGetNumber(value, out var d) && d >= 1 && d == Math.Floor(d) && d <= int.MaxValue)
        {
            return (int)d;
        }
        throw new StatesException(ErrorNames.Runtime, $"The value of {field} '{path.Text}' must be a positive integer, but was {value?.ToJsonString() ?? "null"}.");
    }
}
