using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Common;

/// <summary>The JSON a caught error produces: {"Error": ..., "Cause": ...}.</summary>
public static class ErrorOutput
{
    /// <summary>Builds the error output object.</summary>
    public static JsonObject Create(string error, string? cause) => new()
    {
        ["Error"] = error,
        ["Cause"] = cause,
    };
}
