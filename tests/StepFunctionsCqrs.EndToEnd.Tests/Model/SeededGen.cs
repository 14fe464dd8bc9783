using CsCheck;

namespace StepFunctionsCqrs.EndToEnd.Tests.Model;

/// <summary>
/// A generator that hands out, with each value, the CsCheck seed that regenerates exactly that value, so every
/// workload run can be printed with a seed that replays it (CsCheck itself prints one only for a failure).
/// </summary>
public sealed class SeededGen<T>(Gen<T> inner) : Gen<(string Seed, T Value)>
{
    /// <inheritdoc />
    public override (string Seed, T Value) Generate(PCG pcg, Size? min, out Size size)
    {
        // The state before generating is what CsCheck's own seed strings encode.
        var seed = pcg.ToString(pcg.State);
        return (seed, inner.Generate(pcg, min, out size));
    }
}
