namespace StepFunctionsCqrs.EndToEnd.Tests.Model;

/// <summary>What the oracle saw and checked in one or more runs, so a passing run proves something happened.</summary>
public sealed class OracleTally
{
    /// <summary>Counts by name, e.g. "commits", "promotions".</summary>
    public SortedDictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds to a count.</summary>
    public void Add(string name, int by = 1) => Counts[name] = Counts.GetValueOrDefault(name) + by;

    /// <summary>A count, 0 when never added to.</summary>
    public int this[string name] => Counts.GetValueOrDefault(name);

    /// <summary>Adds every count of another tally.</summary>
    public void AddAll(OracleTally other)
    {
        foreach (var (name, count) in other.Counts)
        {
            Add(name, count);
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", Counts.Select(c => $"{c.Key}={c.Value}"));
}
