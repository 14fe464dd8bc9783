namespace StepFunctionsCqrs.Functions.Dispatching;

/// <summary>What the execution a command id names holds, compared with a command carrying that id.</summary>
public enum ExistingCommand
{
    /// <summary>No execution has that name.</summary>
    None,
    /// <summary>The execution was started with this command: a redelivery.</summary>
    Same,
    /// <summary>The execution was started with a different command: the id was reused.</summary>
    Different,
}
