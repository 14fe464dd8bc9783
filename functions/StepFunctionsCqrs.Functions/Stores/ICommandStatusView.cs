namespace StepFunctionsCqrs.Functions.Stores;

/// <summary>Read store: the outcome of each command.</summary>
public interface ICommandStatusView
{
    /// <summary>Records the outcome unless one is already recorded (a Failed outcome may be replaced by a later run's); returns what the view holds.</summary>
    Task<CommandStatusRecord> RecordAsync(CommandStatusRecord record, CancellationToken cancellationToken);

    /// <summary>The recorded outcome, or null when none is.</summary>
    Task<CommandStatusRecord?> ReadAsync(string commandId, CancellationToken cancellationToken);
}
