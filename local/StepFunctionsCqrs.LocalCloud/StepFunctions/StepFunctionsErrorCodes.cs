namespace StepFunctionsCqrs.LocalCloud.StepFunctions;

/// <summary>The error codes Step Functions answers with, spelled as the service spells them.</summary>
public static class StepFunctionsErrorCodes
{
    /// <summary>No state machine has the given ARN.</summary>
    public const string StateMachineDoesNotExist = "StateMachineDoesNotExist";
    /// <summary>A state machine of that name exists with another definition or role.</summary>
    public const string StateMachineAlreadyExists = "StateMachineAlreadyExists";
    /// <summary>No execution has the given ARN.</summary>
    public const string ExecutionDoesNotExist = "ExecutionDoesNotExist";
    /// <summary>An execution of that name exists and this start is not the same start.</summary>
    public const string ExecutionAlreadyExists = "ExecutionAlreadyExists";
    /// <summary>An ARN is malformed or of the wrong resource type.</summary>
    public const string InvalidArn = "InvalidArn";
    /// <summary>The definition fails validation.</summary>
    public const string InvalidDefinition = "InvalidDefinition";
    /// <summary>A name breaks the naming rules.</summary>
    public const string InvalidName = "InvalidName";
    /// <summary>The execution input is not JSON.</summary>
    public const string InvalidExecutionInput = "InvalidExecutionInput";
    /// <summary>A nextToken does not belong to the listing.</summary>
    public const string InvalidToken = "InvalidToken";
    /// <summary>A request member is missing, of the wrong type or out of range.</summary>
    public const string ValidationException = "ValidationException";
    /// <summary>The operation is not served here.</summary>
    public const string UnknownOperation = "UnknownOperationException";
    /// <summary>The request body is not a JSON object.</summary>
    public const string SerializationException = "SerializationException";
    /// <summary>No taggable resource has the given ARN.</summary>
    public const string ResourceNotFound = "ResourceNotFound";
    /// <summary>A resource would hold more tags than the service allows.</summary>
    public const string TooManyTags = "TooManyTags";
    /// <summary>The task token's attempt has ended: answered, timed out, retried, stopped, or lost to a restart.</summary>
    public const string TaskTimedOut = "TaskTimedOut";
    /// <summary>A genuine task token names an execution that is not there.</summary>
    public const string TaskDoesNotExist = "TaskDoesNotExist";
    /// <summary>The execution cannot be redriven (running, succeeded, too old, or nothing to redrive from).</summary>
    public const string ExecutionNotRedrivable = "ExecutionNotRedrivable";
    /// <summary>The output sent with a task token is not JSON.</summary>
    public const string InvalidOutput = "InvalidOutput";
}
