namespace StepFunctionsCqrs.LocalCloud.StepFunctions;

/// <summary>An error the Step Functions API answers with: its AWS error code (<c>__type</c>), message and HTTP status.</summary>
public sealed class StepFunctionsFault(string code, string message, int statusCode = 400) : Exception(message)
{
    /// <summary>The AWS error code, e.g. ExecutionDoesNotExist.</summary>
    public string Code { get; } = code;

    /// <summary>The HTTP status of the error response.</summary>
    public int StatusCode { get; } = statusCode;
}
