using System.Diagnostics.CodeAnalysis;

namespace StepFunctionsCqrs.LocalCloud.StepFunctions;

/// <summary>Builds and reads the ARNs of state machines and executions in one region and account.</summary>
public sealed record StateMachineArns(string Region, string AccountId)
{
    /// <summary>The ARN of the state machine <paramref name="name"/>.</summary>
    public string StateMachine(string name) => $"arn:aws:states:{Region}:{AccountId}:stateMachine:{name}";

    /// <summary>The ARN of execution <paramref name="executionName"/> of state machine <paramref name="stateMachineName"/>.</summary>
    public string Execution(string stateMachineName, string executionName) =>
        $"arn:aws:states:{Region}:{AccountId}:execution:{stateMachineName}:{executionName}";

    /// <summary>The state machine name of a state machine ARN; InvalidArn when it is not one.</summary>
    public static string StateMachineName(string? arn, string field)
    {
        if (TrySplit(arn, "stateMachine", 7, out var parts))
        {
            return parts[6];
        }

        throw new StepFunctionsFault(StepFunctionsErrorCodes.InvalidArn,
            $"Invalid Arn: '{arn}' in {field} is not a state machine ARN (arn:aws:states:<region>:<account>:stateMachine:<name>).");
    }

    /// <summary>The state machine and execution names of an execution ARN; InvalidArn when it is not one.</summary>
    public static (string StateMachineName, string ExecutionName) ExecutionNames(string? arn, string field)
    {
        if (TrySplit(arn, "execution", 8, out var parts))
        {
            return (parts[6], parts[7]);
        }

        throw new StepFunctionsFault(StepFunctionsErrorCodes.InvalidArn,
            $"Invalid Arn: '{arn}' in {field} is not an execution ARN (arn:aws:states:<region>:<account>:execution:<stateMachine>:<name>).");
    }

    private static bool TrySplit([NotNullWhen(true)] string? arn, string resourceType, int count, out string[] parts)
    {
        parts = arn?.Split(':') ?? [];
        return parts.Length == count
            && parts[0] == "arn" && parts[2] == "states" && parts[5] == resourceType
            && parts.Skip(3).All(p => p.Length > 0);
    }
}
