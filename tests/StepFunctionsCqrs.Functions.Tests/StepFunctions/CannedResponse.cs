namespace StepFunctionsCqrs.Functions.Tests.StepFunctions;

/// <summary>What the loopback server answers: a status, a body and extra headers.</summary>
public sealed record CannedResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>A 200 with a JSON body.</summary>
    public static CannedResponse Ok(string json) => new(200, json);

    /// <summary>An AWS JSON error body.</summary>
    public static CannedResponse Error(int status, string type, string message) =>
        new(status, $$"""{"__type":"{{type}}","message":"{{message}}"}""");
}
