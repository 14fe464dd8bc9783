namespace StepFunctionsCqrs.Asl.JSONata.Internal.Functions;

/// <summary>java.util.Random's 48-bit linear congruential generator, so that $random(seed) repeats Step Functions' sequence.</summary>
internal sealed class JavaRandom
{
    private const long Multiplier = 0x5DEECE66DL;
    private const long Mask = (1L << 48) - 1;
    private long _seed;

    public JavaRandom(long seed)
    {
        _seed = (seed ^ Multiplier) & Mask;
    }

    public double NextDouble()
    {
        long high = Next(26);
        long low = Next(27);
        return ((high << 27) + low) * (1.0 / (1L << 53));
    }

    private int Next(int bits)
    {
        _seed = (_seed * Multiplier + 0xBL) & Mask;
        return (int)((ulong)_seed >> (48 - bits));
    }
}
