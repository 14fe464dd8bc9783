namespace StepFunctionsCqrs.Cli.Status;

/// <summary>Execution ARNs: the execution of a command is named by its command id.</summary>
public static class ExecutionArns
{
    /// <summary>The ARN of the command's execution under the state machine.</summary>
    public static string For(string stateMachineArn, string commandId) =>
        Functions.StepFunctions.ExecutionArn.TryFor(stateMachineArn, commandId)
        ?? throw new CliException($"'{stateMachineArn}' is not a state machine ARN (arn:aws:states:<region>:<account>:stateMachine:<name>).");

    /// <summary>The Step Functions console page of an execution.</summary>
    public static string ConsoleUrl(string region, string executionArn) =>
        $"https://{region}.console.aws.amazon.com/states/home?region={region}#/v2/executions/details/{executionArn}";
}
