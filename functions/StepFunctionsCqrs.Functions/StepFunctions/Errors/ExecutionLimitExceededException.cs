using System.Net;

namespace StepFunctionsCqrs.Functions.StepFunctions.Errors;

/// <summary>The account's limit of open executions is reached.</summary>
public sealed class ExecutionLimitExceededException(HttpStatusCode statusCode, string message)
    : StepFunctionsException(Code, statusCode, message)
{
    /// <summary>The AWS error code this exception stands for.</summary>
    public const string Code = "ExecutionLimitExceeded";
}
