using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl;

/// <summary>
/// Where an unsuccessful execution can be redriven from: the top-level state it was in when it ended, that state's
/// input, and the workflow variables then in scope. A Parallel or Map state is redriven whole.
/// </summary>
public sealed record RedrivePoint(string StateName, JsonNode? Input, JsonObject Variables)
{
    /// <summary>The point as one JSON object, to store beside the execution.</summary>
    public string ToJson() =>
        new JsonObject { ["state"] = StateName, ["input"] = Input?.DeepClone(), ["variables"] = Variables.DeepClone() }.ToJsonString();

    /// <summary>Reads what <see cref="ToJson"/> wrote.</summary>
    public static RedrivePoint FromJson(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        return new RedrivePoint(node["state"]!.GetValue<string>(), node["input"]?.DeepClone(), node["variables"]!.DeepClone().AsObject());
    }
}
