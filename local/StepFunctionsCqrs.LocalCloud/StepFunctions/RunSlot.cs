using StepFunctionsCqrs.Asl.Callbacks;

namespace StepFunctionsCqrs.LocalCloud.StepFunctions;

/// <summary>
/// The run slot of one execution. While every callback the execution waits for is unanswered it lends the slot
/// back, so executions waiting for task tokens do not hold the bound on running executions; an answer takes a slot
/// again before the execution goes on. An execution whose Parallel branches wait for several tokens parks when the
/// first wait begins and takes its slot back when the last one ends.
/// </summary>
internal sealed class RunSlot(SemaphoreSlim slots, Action<int> parkedChanged) : ICallbackParking
{
    private readonly Lock gate = new();
    private int waits;
    private bool held = true;

    /// <inheritdoc />
    public void Park()
    {
        lock (gate)
        {
            if (++waits != 1 || !held)
            {
                return;
            }

            held = false;
        }

        parkedChanged(1);
        slots.Release();
    }

    /// <inheritdoc />
    public async ValueTask UnparkAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (--waits != 0 || held)
            {
                return;
            }
        }

        parkedChanged(-1);
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            held = true;
        }
    }

    /// <summary>Gives the slot back when the execution ends, unless it is lent out already.</summary>
    public void ReleaseIfHeld()
    {
        lock (gate)
        {
            if (!held)
            {
                return;
            }

            held = false;
        }

        slots.Release();
    }
}
