namespace StepFunctionsCqrs.Asl.Callbacks;

/// <summary>Parking for hosts without a bound on running executions: waiting costs nothing to lend.</summary>
internal sealed class NoParking : ICallbackParking
{
    public static NoParking Instance { get; } = new();

    public void Park()
    {
    }

    public ValueTask UnparkAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
