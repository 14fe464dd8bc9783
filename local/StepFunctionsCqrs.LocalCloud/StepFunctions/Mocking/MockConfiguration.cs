using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.LocalCloud.StepFunctions.Mocking;

/// <summary>
/// A mock configuration file in the Step Functions Local format, also read by LocalStack: <c>StateMachines</c> →
/// state machine name → <c>TestCases</c> → test case → state name → the name of an entry of <c>MockedResponses</c>,
/// whose keys are invocation numbers or ranges and whose values are a <c>Return</c> or a <c>Throw</c>.
/// An execution started on <c>&lt;stateMachineArn&gt;#&lt;TestCase&gt;</c> answers the test case's states from it.
/// Everything is checked on load, so a typo is refused when the local cloud starts rather than in a test run.
/// </summary>
public sealed class MockConfiguration
{
    /// <summary>The largest file read, in bytes.</summary>
    public const int MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>The highest invocation number a response may name.</summary>
    public const int MaxInvocation = 1_000_000;

    private const int MaxNameLength = 80;
    private const int MaxErrorLength = 256;
    private const int MaxCauseLength = 32_768;

    private readonly Dictionary<string, Dictionary<string, MockedTestCase>> machines;

    private MockConfiguration(string path, Dictionary<string, Dictionary<string, MockedTestCase>> machines)
    {
        Path = path;
        this.machines = machines;
    }

    /// <summary>Where the configuration was read from.</summary>
    public string Path { get; }

    /// <summary>The state machines that have test cases, by name.</summary>
    public IReadOnlyCollection<string> StateMachineNames => machines.Keys;

    /// <summary>The test case, or null when the state machine has no test case of that name.</summary>
    public MockedTestCase? Find(string stateMachineName, string testCase) =>
        machines.TryGetValue(stateMachineName, out var cases) && cases.TryGetValue(testCase, out var found) ? found : null;

    /// <summary>The test case names of a state machine (none when it is not in the file).</summary>
    public IReadOnlyCollection<string> TestCasesOf(string stateMachineName) =>
        machines.TryGetValue(stateMachineName, out var cases) ? cases.Keys : [];

    /// <summary>Reads and checks the file; throws <see cref="MockConfigurationException"/> naming the path and the fault.</summary>
    public static MockConfiguration Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new MockConfigurationException(full, "there is no such file.");
        }

        if (new FileInfo(full).Length > MaxFileBytes)
        {
            throw new MockConfigurationException(full, $"it is larger than {MaxFileBytes} bytes.");
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(full), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw new MockConfigurationException(full, $"it is not JSON ({e.Message}).");
        }

        return Parse(full, root);
    }

    /// <summary>Checks an already parsed configuration; <paramref name="path"/> only names it in errors.</summary>
    public static MockConfiguration Parse(string path, JsonNode? root)
    {
        MockConfigurationException Fail(string at, string reason) => new(path, $"{at}: {reason}");

        if (root is not JsonObject top)
        {
            throw Fail("/", "the file must hold a JSON object with StateMachines and MockedResponses.");
        }

        foreach (var (key, _) in top)
        {
            if (key is not ("StateMachines" or "MockedResponses"))
            {
                throw Fail($"/{key}", "is not a field of a mock configuration; it has StateMachines and MockedResponses only.");
            }
        }

        var responses = new Dictionary<string, MockedResponse>(StringComparer.Ordinal);
        foreach (var (name, value) in RequiredObject(top, "MockedResponses", "", Fail))
        {
            responses[name] = ParseResponse(name, value, $"/MockedResponses/{name}", Fail);
        }

        var machines = new Dictionary<string, Dictionary<string, MockedTestCase>>(StringComparer.Ordinal);
        foreach (var (machineName, machineValue) in RequiredObject(top, "StateMachines", "", Fail))
        {
            var at = $"/StateMachines/{machineName}";
            CheckName(machineName, at, "a state machine name", Fail);
            if (machineValue is not JsonObject machine)
            {
                throw Fail(at, "must be an object with TestCases.");
            }

            foreach (var (key, _) in machine)
            {
                if (key != "TestCases") throw Fail($"{at}/{key}", "is not a field of a state machine's entry; it has TestCases only.");
            }

            var cases = new Dictionary<string, MockedTestCase>(StringComparer.Ordinal);
            foreach (var (caseName, caseValue) in RequiredObject(machine, "TestCases", at, Fail))
            {
                var caseAt = $"{at}/TestCases/{caseName}";
                CheckName(caseName, caseAt, "a test case name", Fail);
                if (caseValue is not JsonObject states)
                {
                    throw Fail(caseAt, "must be an object of state names to MockedResponses names.");
                }

                var mocked = new Dictionary<string, MockedResponse>(StringComparer.Ordinal);
                foreach (var (stateName, responseName) in states)
                {
                    var stateAt = $"{caseAt}/{stateName}";
                    if (responseName is not JsonValue v || !v.TryGetValue<string>(out var named))
                    {
                        throw Fail(stateAt, "must be the name of an entry of MockedResponses.");
                    }

                    mocked[stateName] = responses.TryGetValue(named, out var response)
                        ? response
                        : throw Fail(stateAt, $"names the mocked response '{named}', which MockedResponses does not have.");
                }

                cases[caseName] = new MockedTestCase(machineName, caseName, mocked);
            }

            machines[machineName] = cases;
        }

        return new MockConfiguration(path, machines);
    }

    private static MockedResponse ParseResponse(string name, JsonNode? value, string at, Func<string, string, MockConfigurationException> fail)
    {
        if (value is not JsonObject invocations || invocations.Count == 0)
        {
            throw fail(at, "must be an object of invocation numbers (\"0\", \"1-2\") to a Return or a Throw, with at least one.");
        }

        var answers = new List<(int From, int To, MockedAnswer Answer)>();
        foreach (var (key, answerValue) in invocations)
        {
            var keyAt = $"{at}/{key}";
            var (from, to) = ParseRange(key, keyAt, fail);
            answers.Add((from, to, ParseAnswer(answerValue, keyAt, fail)));
        }

        answers.Sort((a, b) => a.From.CompareTo(b.From));
        var next = 0;
        foreach (var (from, to, _) in answers)
        {
            if (from != next)
            {
                throw fail(at, from < next
                    ? $"invocation {from} is given twice."
                    : $"invocation {next} has no answer; the invocations must run from 0 without gaps.");
            }

            next = to + 1;
        }

        return new MockedResponse(name, answers);
    }

    private static (int From, int To) ParseRange(string key, string at, Func<string, string, MockConfigurationException> fail)
    {
        var dash = key.IndexOf('-', StringComparison.Ordinal);
        var fromText = dash < 0 ? key : key[..dash];
        var toText = dash < 0 ? key : key[(dash + 1)..];
        if (!int.TryParse(fromText, NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            || !int.TryParse(toText, NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            || from > to || to > MaxInvocation)
        {
            throw fail(at, $"is not an invocation number or range: write \"0\" or \"1-2\" (from 0 to {MaxInvocation}, the first number not above the second).");
        }

        return (from, to);
    }

    private static MockedAnswer ParseAnswer(JsonNode? value, string at, Func<string, string, MockConfigurationException> fail)
    {
        if (value is not JsonObject answer || answer.Count != 1 || !(answer.ContainsKey("Return") || answer.ContainsKey("Throw")))
        {
            throw fail(at, "must be an object with exactly one of Return (the task's result) or Throw (its Error and Cause).");
        }

        if (answer.TryGetPropertyValue("Return", out var result))
        {
            return new MockedAnswer(result?.DeepClone(), null, null);
        }

        if (answer["Throw"] is not JsonObject thrown)
        {
            throw fail($"{at}/Throw", "must be an object with Error and, optionally, Cause.");
        }

        foreach (var (key, _) in thrown)
        {
            if (key is not ("Error" or "Cause")) throw fail($"{at}/Throw/{key}", "is not a field of Throw; it has Error and Cause.");
        }

        var error = OptionalString(thrown, "Error", $"{at}/Throw", MaxErrorLength, fail)
            ?? throw fail($"{at}/Throw", "has no Error; name the error the task fails with, e.g. \"ConcurrencyConflict\".");
        if (error.Length == 0) throw fail($"{at}/Throw/Error", "is empty.");
        var cause = OptionalString(thrown, "Cause", $"{at}/Throw", MaxCauseLength, fail);
        return new MockedAnswer(null, error, cause ?? "");
    }

    private static string? OptionalString(JsonObject parent, string field, string at, int maxLength, Func<string, string, MockConfigurationException> fail)
    {
        if (!parent.TryGetPropertyValue(field, out var node))
        {
            return null;
        }

        if (node is not JsonValue v || !v.TryGetValue<string>(out var text))
        {
            throw fail($"{at}/{field}", "must be a string.");
        }

        if (text.Length > maxLength)
        {
            throw fail($"{at}/{field}", $"is {text.Length} characters long; the limit is {maxLength}.");
        }

        return text;
    }

    private static JsonObject RequiredObject(JsonObject parent, string field, string at, Func<string, string, MockConfigurationException> fail)
    {
        if (parent[field] is JsonObject found)
        {
            return found;
        }

        throw fail($"{at}/{field}", parent.ContainsKey(field) ? "must be an object." : "is missing.");
    }

    private static void CheckName(string name, string at, string what, Func<string, string, MockConfigurationException> fail)
    {
        if (name.Length is 0 or > MaxNameLength)
        {
            throw fail(at, $"{what} must be 1 to {MaxNameLength} characters long.");
        }
    }
}
