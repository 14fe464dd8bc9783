using StepFunctionsCqrs.LocalCloud.Bootstrap;
using StepFunctionsCqrs.LocalCloud.Pipeline;
using StepFunctionsCqrs.LocalCloud.StepFunctions.Mocking;

namespace StepFunctionsCqrs.LocalCloud.Tests.StepFunctions;

/// <summary>Reading a mock configuration file: the Step Functions Local format, and every fault refused with the path and the field.</summary>
public sealed class MockConfigurationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("mock-config-").FullName;

    private string Write(string json)
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private MockConfigurationException Refused(string json)
    {
        var path = Write(json);
        var refused = Assert.Throws<MockConfigurationException>(() => MockConfiguration.Load(path));
        Assert.Equal(path, refused.Path);
        Assert.Contains(path, refused.Message);
        return refused;
    }

    private static string WithResponse(string response) => $$"""
        { "StateMachines": { "m": { "TestCases": { "Case": { "S": "R" } } } }, "MockedResponses": { "R": {{response}} } }
        """;

    [Fact]
    public void A_test_case_maps_each_state_to_its_responses_by_invocation_number_and_range()
    {
        var configuration = MockConfiguration.Load(Write(MockedMachines.Configuration));

        var retry = configuration.Find(MockedMachines.OrdersName, "RetryPath")!.States["Charge"];
        Assert.Equal("Busy", retry.AnswerFor(0).Error);
        Assert.Equal("Busy", retry.AnswerFor(1).Error);
        Assert.Equal("""{"amount":12}""", retry.AnswerFor(2).Result!.ToJsonString());
        Assert.Null(configuration.Find(MockedMachines.OrdersName, "Nope"));
        Assert.Null(configuration.Find("other-machine", "RetryPath"));
    }

    [Fact]
    public void Past_the_last_invocation_given_the_last_answer_repeats()
    {
        var configuration = MockConfiguration.Load(Write(MockedMachines.Configuration));

        var retry = configuration.Find(MockedMachines.OrdersName, "RetryPath")!.States["Charge"];

        Assert.Equal("""{"amount":12}""", retry.AnswerFor(50).Result!.ToJsonString());
    }

    [Fact]
    public void The_pipeline_s_sample_file_has_the_Persist_conflict_test_case_the_README_runs()
    {
        var configuration = MockConfiguration.Load(Path.Combine(RepositoryRoot.Find(), "statemachines", "command-pipeline.mock-config.json"));

        var persist = configuration.Find("command-pipeline", "PersistConflict")!.States["Persist"];
        Assert.Equal(["ConcurrencyConflict", "ConcurrencyConflict", null], Enumerable.Range(0, 3).Select(i => persist.AnswerFor(i).Error));
        Assert.False(persist.AnswerFor(2).Result!["accepted"]!.GetValue<bool>());
    }

    [Fact]
    public void A_missing_file_is_refused_naming_its_path()
    {
        var path = Path.Combine(folder, "absent.json");

        var refused = Assert.Throws<MockConfigurationException>(() => MockConfiguration.Load(path));

        Assert.Contains(path, refused.Message);
        Assert.Contains("no such file", refused.Reason);
    }

    [Fact]
    public void Text_that_is_not_JSON_is_refused() => Assert.Contains("not JSON", Refused("{ \"StateMachines\": ").Reason);

    [Fact]
    public void A_misspelled_top_level_field_is_refused_at_its_pointer() =>
        Assert.StartsWith("/MockedResponse:", Refused("""{ "StateMachines": {}, "MockedResponse": {} }""").Reason);

    [Fact]
    public void A_test_case_naming_a_response_that_does_not_exist_is_refused() =>
        Assert.Equal("/StateMachines/m/TestCases/Case/S: names the mocked response 'R', which MockedResponses does not have.",
            Refused("""{ "StateMachines": { "m": { "TestCases": { "Case": { "S": "R" } } } }, "MockedResponses": {} }""").Reason);

    [Fact]
    public void Invocations_must_run_from_zero_without_gaps() =>
        Assert.Contains("invocation 1 has no answer", Refused(WithResponse("""{ "0": { "Return": 1 }, "2": { "Return": 2 } }""")).Reason);

    [Fact]
    public void An_invocation_given_twice_is_refused() =>
        Assert.Contains("invocation 1 is given twice", Refused(WithResponse("""{ "0-1": { "Return": 1 }, "1": { "Return": 2 } }""")).Reason);

    [Theory]
    [InlineData("2-1")]
    [InlineData("first")]
    [InlineData("-1")]
    [InlineData("1-2-3")]
    [InlineData("99999999")]
    public void A_key_that_is_not_an_invocation_number_or_range_is_refused(string key) =>
        Assert.StartsWith($"/MockedResponses/R/{key}: is not an invocation number or range",
            Refused(WithResponse($$"""{ "{{key}}": { "Return": 1 } }""")).Reason);

    [Fact]
    public void An_answer_with_both_Return_and_Throw_is_refused() =>
        Assert.Contains("exactly one of Return", Refused(WithResponse("""{ "0": { "Return": 1, "Throw": { "Error": "E" } } }""")).Reason);

    [Fact]
    public void A_Throw_without_an_Error_is_refused() =>
        Assert.StartsWith("/MockedResponses/R/0/Throw: has no Error", Refused(WithResponse("""{ "0": { "Throw": { "Cause": "why" } } }""")).Reason);

    [Fact]
    public void An_Error_longer_than_the_service_allows_is_refused() =>
        Assert.Contains("the limit is 256", Refused(WithResponse($$"""{ "0": { "Throw": { "Error": "{{new string('E', 257)}}" } } }""")).Reason);

    [Fact]
    public async Task The_local_cloud_refuses_to_start_with_a_bad_file_and_names_it()
    {
        var path = Write("""{ "StateMachines": {} }""");

        var refused = await Assert.ThrowsAsync<MockConfigurationException>(() => PipelineCloud.StartAsync(new PipelineOptions
        {
            Port = 0, StateFolder = Path.Combine(folder, "state"), RepositoryRoot = RepositoryRoot.Find(), MockConfigPath = path,
        }));

        Assert.Equal("/MockedResponses: is missing.", refused.Reason);
        Assert.False(Directory.Exists(Path.Combine(folder, "state")), "nothing was started or written before the file was refused");
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(folder, recursive: true);
}
