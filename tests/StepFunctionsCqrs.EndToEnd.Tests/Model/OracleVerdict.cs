namespace StepFunctionsCqrs.EndToEnd.Tests.Model;

/// <summary>The oracle's findings for one run: the violations of each invariant and what it saw.</summary>
public sealed class OracleVerdict
{
    /// <summary>The invariants checked, in the order they are reported.</summary>
    public static readonly IReadOnlyList<string> Invariants =
    [
        "views equal the projection of the commit log",
        "statuses agree with the commit log",
        "no night over capacity",
        "waitlist promotion in FIFO order",
        "every sent message is accounted for",
    ];

    private readonly Dictionary<string, List<string>> violations = Invariants.ToDictionary(i => i, _ => new List<string>());

    /// <summary>What the oracle saw.</summary>
    public OracleTally Tally { get; } = new();

    /// <summary>Whether every invariant held.</summary>
    public bool Holds => violations.Values.All(v => v.Count == 0);

    /// <summary>The invariants that failed.</summary>
    public IEnumerable<string> Failed => Invariants.Where(i => violations[i].Count > 0);

    /// <summary>Records a violation of one invariant.</summary>
    public void Violation(string invariant, string what) => violations[invariant].Add(what);

    /// <inheritdoc />
    public override string ToString()
    {
        var lines = new List<string>();
        foreach (var invariant in Failed)
        {
            var found = violations[invariant];
            lines.Add($"VIOLATED: {invariant} ({found.Count}):");
            lines.AddRange(found.Take(15).Select(v => "    " + v));
            if (found.Count > 15)
            {
                lines.Add($"    … and {found.Count - 15} more");
            }
        }

        lines.Add($"  saw: {Tally}");
        return string.Join(Environment.NewLine, lines);
    }
}
