using System.Net;

namespace StepFunctionsCqrs.Functions.StepFunctions.Errors;

/// <summary>The paging token is not one the service issued for this request.</summary>
public sealed class InvalidTokenException(HttpStatusCode statusCode, string message)
    : StepFunctionsException(Code, statusCode, message)
{
    /// <summary>The AWS error code this exception stands for.</summary>
    public const string Code = "InvalidToken";
}
