using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Infra;

/// <summary>Names of the stack outputs the CLI reads (from <c>cdk deploy --outputs-file</c> or DescribeStacks).</summary>
public static class StackOutputNames
{
    /// <summary>URL of the commands queue.</summary>
    public const string CommandsQueueUrl = "CommandsQueueUrl";

    /// <summary>URL of the dead-letter queue.</summary>
    public const string DeadLetterQueueUrl = "DeadLetterQueueUrl";

    /// <summary>ARN of the command pipeline state machine.</summary>
    public const string StateMachineArn = "StateMachineArn";

    /// <summary>Name of the execution log group.</summary>
    public const string ExecutionLogGroupName = "ExecutionLogGroupName";

    /// <summary>URL of the HTTP API (absent when the API is turned off).</summary>
    public const string ApiUrl = "ApiUrl";

    /// <summary>Region the stack is deployed in.</summary>
    public const string Region = "Region";

    /// <summary>The output holding a table's deployed name: the logical name plus <c>TableName</c>.</summary>
    public static string TableName(TableDefinition table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.LogicalName + "TableName";
    }
}
