using StepFunctionsCqrs.Functions.Errors;
using StepFunctionsCqrs.LocalCloud.Lambda;

namespace StepFunctionsCqrs.LocalCloud.Tests.Lambda;

public sealed class FaultInjectionTests
{
    [Fact]
    public void Function_names_and_fractions_are_read_from_the_variable_and_the_seed_from_its_own()
    {
        var faults = FaultInjection.Parse("Persist:0.3, projectavailability:0.25", "42");

        Assert.Equal(0.3, faults.Fractions["Persist"]);
        Assert.Equal(0.25, faults.Fractions["ProjectAvailability"]);
        Assert.Equal(2, faults.Fractions.Count);
        Assert.Equal(42, faults.Seed);
    }

    [Fact]
    public void An_unset_variable_means_no_faults()
    {
        Assert.Empty(FaultInjection.Parse(null, null).Fractions);
        Assert.Empty(FaultInjection.Parse("  ", null).Fractions);
    }

    [Theory]
    [InlineData("Persist", "CQRS_FAULTS: 'Persist'")]
    [InlineData("Persist:0.3,Nope:0.1", "'Nope'")]
    [InlineData("Persist:abc", "'abc'")]
    [InlineData("Persist:1.5", "'1.5'")]
    [InlineData("Persist:-0.2", "'-0.2'")]
    [InlineData("Persist:0.1,Persist:0.2", "'Persist' appears more than once")]
    [InlineData(":0.3", "':0.3'")]
    public void A_bad_fault_list_is_refused_naming_the_variable_and_the_bad_part(string faults, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => FaultInjection.Parse(faults, null));

        Assert.Contains("CQRS_FAULTS", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_seed_that_is_not_a_whole_number_is_refused_naming_its_variable()
    {
        var error = Assert.Throws<ArgumentException>(() => FaultInjection.Parse("Persist:0.3", "seven"));

        Assert.Contains("CQRS_FAULTS_SEED 'seven'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrapped_handler_fails_about_its_fraction_with_TransientStoreError_and_otherwise_calls_through()
    {
        var faults = FaultInjection.Parse("Persist:0.3", "7");
        var calls = 0;
        var wrapped = faults.Wrap("Persist", input =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult<Stream>(new MemoryStream([1, 2, 3]));
        });

        var failures = 0;
        for (var i = 0; i < 2_000; i++)
        {
            try
            {
                await using var output = await wrapped(new MemoryStream());
                Assert.Equal(3, output.Length);
            }
            catch (TransientStoreError error)
            {
                Assert.Equal(nameof(TransientStoreError), error.GetType().Name);
                failures++;
            }
        }

        Assert.InRange(failures, 500, 700);
        Assert.Equal(2_000 - failures, calls);
    }

    [Fact]
    public async Task The_same_seed_fails_the_same_invocations()
    {
        async Task<string> PatternAsync()
        {
            var wrapped = FaultInjection.Parse("RecordStatus:0.5", "123").Wrap("RecordStatus", _ => Task.FromResult<Stream>(new MemoryStream()));
            var pattern = new System.Text.StringBuilder();
            for (var i = 0; i < 64; i++)
            {
                try
                {
                    await wrapped(new MemoryStream());
                    pattern.Append('.');
                }
                catch (TransientStoreError)
                {
                    pattern.Append('x');
                }
            }

            return pattern.ToString();
        }

        var first = await PatternAsync();

        Assert.Equal(first, await PatternAsync());
        Assert.Contains('x', first);
        Assert.Contains('.', first);
    }

    [Fact]
    public void Functions_without_faults_get_their_own_handler_back()
    {
        Func<Stream, Task<Stream>> handler = input => Task.FromResult(input);

        Assert.Same(handler, FaultInjection.Parse("Persist:0.3", null).Wrap("Validate", handler));
        Assert.Same(handler, FaultInjection.Parse("Persist:0", null).Wrap("Persist", handler));
    }

    [Fact]
    public async Task A_counted_rule_fails_the_first_invocations_of_each_matching_command_and_no_other()
    {
        var faults = FaultInjection.Parse("Persist:2x @ retry-", null);
        var calls = new List<string>();
        var wrapped = faults.Wrap("Persist", async input =>
        {
            using var reader = new StreamReader(input);
            calls.Add(await reader.ReadToEndAsync());
            return new MemoryStream();
        });
        static MemoryStream For(string id) => new(System.Text.Encoding.UTF8.GetBytes($$"""{"command":{"commandId":"{{id}}"},"executionId":"e"}"""));

        var outcomes = new List<string>();
        foreach (var id in new[] { "retry-1", "plain-1", "retry-1", "retry-2", "retry-1", "retry-2", "retry-2", "plain-1" })
        {
            try
            {
                await wrapped(For(id));
                outcomes.Add($"{id} ran");
            }
            catch (TransientStoreError)
            {
                outcomes.Add($"{id} failed");
            }
        }

        Assert.Equal(
            ["retry-1 failed", "plain-1 ran", "retry-1 failed", "retry-2 failed", "retry-1 ran", "retry-2 failed", "retry-2 ran", "plain-1 ran"],
            outcomes);
        // The handler reads the same input the rule inspected.
        Assert.All(calls, body => Assert.Contains("\"commandId\"", body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bug_rule_throws_an_error_no_retry_matches()
    {
        var wrapped = FaultInjection.Parse("Persist:1@fail-:bug", null).Wrap("Persist", _ => Task.FromResult<Stream>(new MemoryStream()));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            wrapped(new MemoryStream("{\"command\":{\"commandId\":\"fail-1\"}}"u8.ToArray())));
        Assert.Contains("fail-", error.Message, StringComparison.Ordinal);
        await using var passed = await wrapped(new MemoryStream("{\"commandId\":\"other\"}"u8.ToArray()));
    }

    [Theory]
    [InlineData("Persist:0x@a-", "'0x'")]
    [InlineData("Persist:2x@", "no command id prefix")]
    [InlineData("Persist:2x@a-:oops", "not of the form")]
    [InlineData("Persist:2x@a-,Persist:1@a-", "more than once for 'a-'")]
    [InlineData("Persist:2x@a b", "'a b' in 'Persist:2x@a b' cannot begin a command id")]
    public void Bad_command_rules_are_refused_with_the_part_at_fault(string faults, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => FaultInjection.Parse(faults, null));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
