namespace StepFunctionsCqrs.Asl.Callbacks;

/// <summary>
/// Told when an execution starts and stops waiting for a task token's answer, so a host that bounds how many
/// executions run at once can lend the waiting execution's place to another.
/// </summary>
public interface ICallbackParking
{
    /// <summary>The execution now waits for an answer and does no work until it comes.</summary>
    void Park();

    /// <summary>The answer (or a timeout) came; returns once the execution may run again.</summary>
    ValueTask UnparkAsync(CancellationToken cancellationToken);
}
