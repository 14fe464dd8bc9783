using System.Globalization;
using StepFunctionsCqrs.Functions.Catalog;
using StepFunctionsCqrs.Functions.Errors;

namespace StepFunctionsCqrs.LocalCloud.Lambda;

/// <summary>
/// Makes a fraction of the invocations of named functions fail with <see cref="TransientStoreError"/> before the real
/// handler runs, so the workflow's retries can be exercised locally. Configured by
/// <c>CQRS_FAULTS=Persist:0.3,ProjectAvailability:0.3</c> and, for a repeatable sequence, <c>CQRS_FAULTS_SEED=&lt;int&gt;</c>.
/// </summary>
public sealed class FaultInjection
{
    /// <summary>The variable naming the functions to fail and the fraction of their invocations that fail.</summary>
    public const string FaultsVariable = "CQRS_FAULTS";

    /// <summary>The variable seeding the random choice of which invocations fail.</summary>
    public const string SeedVariable = "CQRS_FAULTS_SEED";

    private readonly Random random;
    private readonly Lock gate = new();

    private FaultInjection(IReadOnlyDictionary<string, double> fractions, int? seed)
    {
        Fractions = fractions;
        Seed = seed;
        random = seed is { } value ? new Random(value) : new Random();
    }

    /// <summary>No faults: every invocation reaches its handler.</summary>
    public static FaultInjection None { get; } = new(new Dictionary<string, double>(StringComparer.Ordinal), null);

    /// <summary>Fraction of invocations (0 to 1) that fail, by catalog function name.</summary>
    public IReadOnlyDictionary<string, double> Fractions { get; }

    /// <summary>The seed of the random sequence, when one was given.</summary>
    public int? Seed { get; }

    /// <summary>Reads <see cref="FaultsVariable"/> and <see cref="SeedVariable"/> from the process environment.</summary>
    public static FaultInjection FromEnvironment() =>
        Parse(Environment.GetEnvironmentVariable(FaultsVariable), Environment.GetEnvironmentVariable(SeedVariable));

    /// <summary>
    /// Parses <c>Name:fraction,...</c> and an optional integer seed; throws <see cref="ArgumentException"/> naming the
    /// variable and the part that is wrong.
    /// </summary>
    public static FaultInjection Parse(string? faults, string? seed)
    {
        int? parsedSeed = null;
        if (!string.IsNullOrWhiteSpace(seed))
        {
            parsedSeed = int.TryParse(seed.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new ArgumentException($"{SeedVariable} '{seed}' is not a whole number.");
        }

        if (string.IsNullOrWhiteSpace(faults))
        {
            return parsedSeed is null ? None : new FaultInjection(None.Fractions, parsedSeed);
        }

        var known = FunctionCatalog.All.Select(f => f.Name).ToArray();
        var fractions = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in faults.Split(',', StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(':', StringSplitOptions.TrimEntries);
            if (pieces.Length != 2 || pieces[0].Length == 0)
            {
                throw new ArgumentException($"{FaultsVariable}: '{part}' is not of the form FunctionName:fraction (e.g. Persist:0.3).");
            }

            var name = known.FirstOrDefault(k => string.Equals(k, pieces[0], StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"{FaultsVariable}: '{pieces[0]}' in '{part}' is not a function; known functions: {string.Join(", ", known)}.");
            if (!double.TryParse(pieces[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fraction) || fraction > 1)
            {
                throw new ArgumentException($"{FaultsVariable}: '{pieces[1]}' in '{part}' is not a fraction between 0 and 1.");
            }

            if (!fractions.TryAdd(name, fraction))
            {
                throw new ArgumentException($"{FaultsVariable}: '{name}' appears more than once.");
            }
        }

        return new FaultInjection(fractions, parsedSeed);
    }

    /// <summary>
    /// The handler of <paramref name="functionName"/> with faults in front of it, or <paramref name="handler"/> itself
    /// when that function has none.
    /// </summary>
    public Func<Stream, Task<Stream>> Wrap(string functionName, Func<Stream, Task<Stream>> handler)
    {
        if (!Fractions.TryGetValue(functionName, out var fraction) || fraction <= 0)
        {
            return handler;
        }

        return input => Fails(fraction)
            ? Task.FromException<Stream>(new TransientStoreError($"Injected fault: {FaultsVariable} fails {fraction:0.###} of {functionName}'s invocations."))
            : handler(input);
    }

    /// <summary>A one-line description for the start-up banner.</summary>
    public override string ToString() =>
        Fractions.Count == 0
            ? "none"
            : string.Join(", ", Fractions.Select(f => $"{f.Key} {f.Value:0.###}")) + (Seed is { } s ? $" (seed {s})" : "");

    private bool Fails(double fraction)
    {
        lock (gate)
        {
            return random.NextDouble() < fraction;
        }
    }
}
