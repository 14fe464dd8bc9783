namespace StepFunctionsCqrs.LocalCloud.StepFunctions;

/// <summary>The error codes Step Functions answers with, spelled as the service spells them.</summary>
public static class StepFunctionsErrorCodes
{
    public const string StateMachineDoesNotExist = "StateMachineDoesNotExist";
    public const string StateMachineAlreadyExists = "StateMachineAlreadyExists";
    public const string ExecutionDoesNotExist = "ExecutionDoesNotExist";
    public const string ExecutionAlreadyExists = "ExecutionAlreadyExists";
    public const string InvalidArn = "InvalidArn";
    public const string InvalidDefinition = "InvalidDefinition";
    public const string InvalidName = "InvalidName";
    public const string InvalidExecutionInput = "InvalidExecutionInput";
    public const string InvalidToken = "InvalidToken";
    public const string ValidationException = "ValidationException";
    public const string UnknownOperation = "UnknownOperationException";
    public const string SerializationException = "SerializationException";
}
