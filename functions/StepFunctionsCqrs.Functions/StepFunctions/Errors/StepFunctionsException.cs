using System.Net;

namespace StepFunctionsCqrs.Functions.StepFunctions.Errors;

/// <summary>An error answered by the Step Functions API; the subclasses name the codes callers act on.</summary>
public class StepFunctionsException(string errorCode, HttpStatusCode statusCode, string message) : Exception(message)
{
    /// <summary>The AWS error code without its namespace prefix, e.g. <c>ExecutionDoesNotExist</c>.</summary>
    public string ErrorCode { get; } = errorCode;

    /// <summary>The HTTP status the service answered with.</summary>
    public HttpStatusCode StatusCode { get; } = statusCode;
}
