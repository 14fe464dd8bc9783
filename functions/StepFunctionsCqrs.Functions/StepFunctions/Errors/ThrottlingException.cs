using System.Net;

namespace StepFunctionsCqrs.Functions.StepFunctions.Errors;

/// <summary>The request rate is over the service's limit.</summary>
public sealed class ThrottlingException(HttpStatusCode statusCode, string message)
    : StepFunctionsException(Code, statusCode, message)
{
    /// <summary>The AWS error code this exception stands for.</summary>
    public const string Code = "ThrottlingException";
}
