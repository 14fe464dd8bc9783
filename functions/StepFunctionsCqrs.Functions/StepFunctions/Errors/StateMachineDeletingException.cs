using System.Net;

namespace StepFunctionsCqrs.Functions.StepFunctions.Errors;

/// <summary>The state machine is being deleted and accepts no new executions.</summary>
public sealed class StateMachineDeletingException(HttpStatusCode statusCode, string message)
    : StepFunctionsException(Code, statusCode, message)
{
    /// <summary>The AWS error code this exception stands for.</summary>
    public const string Code = "StateMachineDeleting";
}
