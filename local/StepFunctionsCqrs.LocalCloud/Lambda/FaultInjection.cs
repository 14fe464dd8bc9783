using System.Globalization;
using StepFunctionsCqrs.Functions.Catalog;
using StepFunctionsCqrs.Functions.Commands;
using StepFunctionsCqrs.Functions.Errors;

namespace StepFunctionsCqrs.LocalCloud.Lambda;

/// <summary>
/// Makes invocations of named functions fail with <see cref="TransientStoreError"/> before the real handler runs, so the
/// workflow's retries can be exercised locally. Configured by <c>CQRS_FAULTS=Persist:0.3,ProjectAvailability:0.3</c>
/// (a fraction of all invocations; <c>CQRS_FAULTS_SEED=&lt;int&gt;</c> makes the choice repeatable), and per command:
/// <c>Persist:2x@retry-</c> fails the first two invocations for each command whose id starts with <c>retry-</c>,
/// <c>Persist:1@fail-</c> all of them. A <c>:bug</c> suffix throws an unexpected error instead, which no Retry
/// matches, so <c>Persist:1x@fail-:bug</c> sends each such command down the workflow's Catch to Failed at once.
/// </summary>
public sealed class FaultInjection
{
    /// <summary>The variable naming the functions to fail and the fraction of their invocations that fail.</summary>
    public const string FaultsVariable = "CQRS_FAULTS";

    /// <summary>The variable seeding the random choice of which invocations fail.</summary>
    public const string SeedVariable = "CQRS_FAULTS_SEED";

    private readonly Random random;
    private readonly Lock gate = new();
    private readonly Dictionary<(FaultRule Rule, string CommandId), int> failedSoFar = [];

    private FaultInjection(IReadOnlyList<FaultRule> rules, int? seed)
    {
        Rules = rules;
        Seed = seed;
        random = seed is { } value ? new Random(value) : new Random();
    }

    /// <summary>No faults: every invocation reaches its handler.</summary>
    public static FaultInjection None { get; } = new([], null);

    /// <summary>Every rule, in the order given.</summary>
    public IReadOnlyList<FaultRule> Rules { get; }

    /// <summary>Fraction of all invocations (0 to 1) that fail, by catalog function name, for the rules that name no command.</summary>
    public IReadOnlyDictionary<string, double> Fractions =>
        Rules.Where(r => r.Fraction is not null && r.CommandPrefix is null).ToDictionary(r => r.Function, r => r.Fraction!.Value, StringComparer.Ordinal);

    /// <summary>The seed of the random sequence, when one was given.</summary>
    public int? Seed { get; }

    /// <summary>Reads <see cref="FaultsVariable"/> and <see cref="SeedVariable"/> from the process environment.</summary>
    public static FaultInjection FromEnvironment() =>
        Parse(Environment.GetEnvironmentVariable(FaultsVariable), Environment.GetEnvironmentVariable(SeedVariable));

    /// <summary>
    /// Parses <c>Name:fraction[@commandIdPrefix][:bug]</c> and <c>Name:Nx[@commandIdPrefix][:bug]</c> entries and an optional integer
    /// seed; throws <see cref="ArgumentException"/> naming the variable and the part that is wrong.
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
            return parsedSeed is null ? None : new FaultInjection([], parsedSeed);
        }

        var known = FunctionCatalog.All.Select(f => f.Name).ToArray();
        var rules = new List<FaultRule>();
        foreach (var part in faults.Split(',', StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(':', StringSplitOptions.TrimEntries);
            var bug = pieces.Length == 3 && pieces[2] == "bug";
            if (pieces.Length is < 2 or > 3 || pieces[0].Length == 0 || (pieces.Length == 3 && !bug))
            {
                throw new ArgumentException($"{FaultsVariable}: '{part}' is not of the form FunctionName:fraction (e.g. Persist:0.3) or FunctionName:Nx@commandIdPrefix[:bug] (e.g. Persist:2x@retry-).");
            }

            var name = known.FirstOrDefault(k => string.Equals(k, pieces[0], StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"{FaultsVariable}: '{pieces[0]}' in '{part}' is not a function; known functions: {string.Join(", ", known)}.");
            var at = pieces[1].IndexOf('@', StringComparison.Ordinal);
            var amount = (at < 0 ? pieces[1] : pieces[1][..at]).Trim();
            var prefix = at < 0 ? null : pieces[1][(at + 1)..].Trim();
            if (prefix is { Length: 0 })
            {
                throw new ArgumentException($"{FaultsVariable}: '{part}' names no command id prefix after '@'.");
            }

            // A prefix no command id can start with would silently fail nothing.
            if (prefix is not null && !Identifiers.IsCommandId(prefix))
            {
                throw new ArgumentException($"{FaultsVariable}: '{prefix}' in '{part}' cannot begin a command id, which holds only {Identifiers.AllowedCharacters}.");
            }

            FaultRule rule;
            if (amount.EndsWith('x'))
            {
                rule = int.TryParse(amount[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var times) && times >= 1
                    ? new FaultRule(name, null, times, prefix, bug)
                    : throw new ArgumentException($"{FaultsVariable}: '{amount}' in '{part}' is not a count of invocations such as 2x.");
            }
            else
            {
                rule = double.TryParse(amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fraction) && fraction <= 1
                    ? new FaultRule(name, fraction, null, prefix, bug)
                    : throw new ArgumentException($"{FaultsVariable}: '{amount}' in '{part}' is not a fraction between 0 and 1.");
            }

            if (rules.Any(r => r.Function == name && r.CommandPrefix == prefix))
            {
                throw new ArgumentException($"{FaultsVariable}: '{name}' appears more than once{(prefix is null ? "" : $" for '{prefix}'")}.");
            }

            rules.Add(rule);
        }

        return new FaultInjection(rules, parsedSeed);
    }

    /// <summary>
    /// The handler of <paramref name="functionName"/> with faults in front of it, or <paramref name="handler"/> itself
    /// when that function has none.
    /// </summary>
    public Func<Stream, Task<Stream>> Wrap(string functionName, Func<Stream, Task<Stream>> handler)
    {
        var rules = Rules.Where(r => r.Function == functionName && (r.Times is not null || r.Fraction > 0)).ToList();
        if (rules.Count == 0)
        {
            return handler;
        }

        var needsCommandId = rules.Any(r => r.NeedsCommandId);
        return async input =>
        {
            string? commandId = null;
            if (needsCommandId)
            {
                var buffer = new MemoryStream();
                await input.CopyToAsync(buffer).ConfigureAwait(false);
                buffer.Position = 0;
                commandId = InvocationCommandId.Read(buffer);
                buffer.Position = 0;
                input = buffer;
            }

            if (rules.FirstOrDefault(r => r.Covers(commandId) && Fails(r, commandId)) is { } failing)
            {
                throw failing.Bug
                    ? new InvalidOperationException($"Injected bug: {FaultsVariable} fails {failing}.")
                    : new TransientStoreError($"Injected fault: {FaultsVariable} fails {failing}.");
            }

            return await handler(input).ConfigureAwait(false);
        };
    }

    /// <summary>A one-line description for the start-up banner.</summary>
    public override string ToString() =>
        Rules.Count == 0
            ? "none"
            : string.Join(", ", Rules) + (Seed is { } s ? $" (seed {s})" : "");

    private bool Fails(FaultRule rule, string? commandId)
    {
        lock (gate)
        {
            if (rule.Times is { } times)
            {
                var key = (rule, commandId ?? "");
                var failed = failedSoFar.GetValueOrDefault(key);
                if (failed >= times)
                {
                    return false;
                }

                failedSoFar[key] = failed + 1;
                return true;
            }

            return random.NextDouble() < rule.Fraction;
        }
    }
}
