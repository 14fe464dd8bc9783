using System.Text.Json.Nodes;
using StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

namespace StepFunctionsCqrs.LocalCloud.Tests.StepFunctions;

/// <summary>ValidateStateMachineDefinition: the validator's findings as the service's result and diagnostics, without creating anything.</summary>
[Collection(PipelineCollection.Name)]
public sealed class ValidateDefinitionApiTests(PipelineFixture fixture)
{
    [Fact]
    public async Task A_valid_definition_is_OK_with_no_diagnostics()
    {
        var answer = await fixture.Raw.StatesOkAsync("ValidateStateMachineDefinition", new JsonObject { ["definition"] = TestMachines.Quick });

        Assert.Equal("OK", answer["result"]!.GetValue<string>());
        Assert.Empty(answer["diagnostics"]!.AsArray());
        Assert.False(answer["truncated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Each_error_is_a_diagnostic_with_its_severity_code_message_and_location()
    {
        const string Broken = """
            { "StartAt": "A", "States": {
                "A": { "Type": "Pass", "Next": "Nowhere" },
                "B": { "Type": "Pass", "InputPath": "not a path", "End": true } } }
            """;

        var answer = await fixture.Raw.StatesOkAsync("ValidateStateMachineDefinition", new JsonObject { ["definition"] = Broken, ["type"] = "STANDARD" });

        Assert.Equal("FAIL", answer["result"]!.GetValue<string>());
        var diagnostics = answer["diagnostics"]!.AsArray().Select(d => d!.AsObject()).ToList();
        Assert.All(diagnostics, d => Assert.Equal("ERROR", d["severity"]!.GetValue<string>()));
        Assert.Contains(diagnostics, d => d["code"]!.GetValue<string>() == "MISSING_TRANSITION_TARGET" && d["location"]!.GetValue<string>() == "/States/A/Next");
        Assert.Contains(diagnostics, d => d["code"]!.GetValue<string>() == "INVALID_JSON_PATH" && d["location"]!.GetValue<string>() == "/States/B/InputPath");
        Assert.All(diagnostics, d => Assert.False(string.IsNullOrEmpty(d["message"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Text_that_is_not_JSON_is_INVALID_JSON_DESCRIPTION()
    {
        var answer = await fixture.Raw.StatesOkAsync("ValidateStateMachineDefinition", new JsonObject { ["definition"] = "{ not json" });

        Assert.Equal("FAIL", answer["result"]!.GetValue<string>());
        Assert.Equal("INVALID_JSON_DESCRIPTION", answer["diagnostics"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task MaxResults_caps_the_diagnostics_and_says_the_list_was_truncated()
    {
        var states = string.Join(",", Enumerable.Range(0, 5).Select(i => $"\"S{i}\": {{ \"Type\": \"Pass\", \"Next\": \"Gone{i}\" }}"));
        var definition = $$"""{ "StartAt": "S0", "States": { {{states}} } }""";

        var capped = await fixture.Raw.StatesOkAsync("ValidateStateMachineDefinition", new JsonObject { ["definition"] = definition, ["maxResults"] = 2 });
        var all = await fixture.Raw.StatesOkAsync("ValidateStateMachineDefinition", new JsonObject { ["definition"] = definition, ["maxResults"] = 0 });

        Assert.Equal(2, capped["diagnostics"]!.AsArray().Count);
        Assert.True(capped["truncated"]!.GetValue<bool>());
        Assert.True(all["diagnostics"]!.AsArray().Count >= 5);
        Assert.False(all["truncated"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("""{ "type": "STANDARD" }""", "'definition'")]
    [InlineData("""{ "definition": "{}", "type": "BATCH" }""", "'type'")]
    [InlineData("""{ "definition": "{}", "severity": "INFO" }""", "'severity'")]
    [InlineData("""{ "definition": "{}", "maxResults": 101 }""", "'maxResults'")]
    [InlineData("""{ "definition": 7 }""", "'definition'")]
    public async Task A_bad_request_is_a_ValidationException_naming_the_member(string body, string member)
    {
        var (status, answer) = await fixture.Raw.CallAsync("AWSStepFunctions.ValidateStateMachineDefinition", body);

        Assert.Equal(400, status);
        Assert.Equal("ValidationException", answer["__type"]!.GetValue<string>());
        Assert.Contains(member, answer["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_definition_over_a_MiB_is_refused_before_it_is_parsed()
    {
        var (status, answer) = await fixture.Raw.StatesAsync("ValidateStateMachineDefinition", new JsonObject { ["definition"] = new string(' ', 1_048_577) });

        Assert.Equal(400, status);
        Assert.Contains("'definition'", answer["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
