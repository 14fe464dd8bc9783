using System.Net;

namespace StepFunctionsCqrs.Functions.StepFunctions.Errors;

/// <summary>The state machine ARN names no state machine.</summary>
public sealed class StateMachineDoesNotExistException(HttpStatusCode statusCode, string message)
    : StepFunctionsException(Code, statusCode, message)
{
    /// <summary>The AWS error code this exception stands for.</summary>
    public const string Code = "StateMachineDoesNotExist";
}
