namespace StepFunctionsCqrs.Asl.Execution;

/// <summary>The names and ARNs of one execution, with defaults filled in.</summary>
internal sealed record ExecutionIdentity(string Name, string ExecutionArn, string StateMachineArn, string StateMachineName, string RoleArn, string Region)
{
    public static ExecutionIdentity From(ExecutionOptions options)
    {
        var name = options.Name ?? Guid.NewGuid().ToString();
        var stateMachineArn = options.StateMachineArn ?? "arn:aws:states:us-east-1:123456789012:stateMachine:StateMachine";
        var parts = stateMachineArn.Split(':');
        var region = parts.Length > 3 && parts[3].Length > 0 ? parts[3] : "us-east-1";
        var account = parts.Length > 4 && parts[4].Length > 0 ? parts[4] : "123456789012";
        var machineName = parts.Length > 6 ? parts[6] : "StateMachine";
        var executionArn = options.ExecutionArn ?? $"arn:aws:states:{region}:{account}:execution:{machineName}:{name}";
        var roleArn = options.RoleArn ?? $"arn:aws:iam::{account}:role/StepFunctionsExecutionRole";
        return new ExecutionIdentity(name, executionArn, stateMachineArn, machineName, roleArn, region);
    }
}
