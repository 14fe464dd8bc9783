using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.States.Fail;

namespace StepFunctionsCqrs.Asl.Execution;

/// <summary>The first error raised by any of several concurrent branches; later ones are ignored.</summary>
internal sealed class BranchFailure
{
    private StatesException? _first;

    public StatesException? First => Volatile.Read(ref _first);

    /// <summary>Records the error if it is the first; returns true when it was recognised as a branch error.</summary>
    public bool TryRecord(Exception error)
    {
        var states = error switch
        {
            StatesException e => e,
            FailStateException f => f.ToStatesException(),
            _ => null,
        };
        if (states is null) return false;
        Interlocked.CompareExchange(ref _first, states, null);
        return true;
    }
}
