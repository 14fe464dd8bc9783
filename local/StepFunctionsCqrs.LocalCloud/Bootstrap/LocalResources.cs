namespace StepFunctionsCqrs.LocalCloud.Bootstrap;

/// <summary>The names of what the bootstrap creates, fixed so clients can find them without configuration.</summary>
public static class LocalResources
{
    /// <summary>The queue commands are sent to.</summary>
    public const string CommandsQueueName = "commands";

    /// <summary>The dead-letter queue behind it.</summary>
    public const string DeadLetterQueueName = "commands-dlq";

    /// <summary>Deliveries before a command is dead-lettered.</summary>
    public const int MaxReceiveCount = 5;

    /// <summary>The command pipeline state machine.</summary>
    public const string StateMachineName = "command-pipeline";

    /// <summary>The definition file, relative to the repository root: the same one CDK deploys.</summary>
    public const string DefinitionPath = "statemachines/command-pipeline.asl.json";
}
