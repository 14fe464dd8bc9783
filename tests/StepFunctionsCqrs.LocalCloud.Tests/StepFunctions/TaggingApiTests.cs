using System.Text.Json.Nodes;
using StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

namespace StepFunctionsCqrs.LocalCloud.Tests.StepFunctions;

/// <summary>TagResource, UntagResource, ListTagsForResource and DescribeStateMachineForExecution as the service answers them.</summary>
[Collection(PipelineCollection.Name)]
public sealed class TaggingApiTests(PipelineFixture fixture)
{
    private const string Role = "arn:aws:iam::000000000000:role/test";

    [Fact]
    public async Task Tags_given_at_creation_and_later_are_listed_replaced_and_removed()
    {
        var arn = await CreateAsync(new JsonArray(Tag("team", "bookings")));

        await fixture.Raw.StatesOkAsync("TagResource", new JsonObject { ["resourceArn"] = arn, ["tags"] = new JsonArray(Tag("env", "local"), Tag("team", "hotels")) });
        Assert.Equal(["env=local", "team=hotels"], await TagsAsync(arn));

        await fixture.Raw.StatesOkAsync("UntagResource", new JsonObject { ["resourceArn"] = arn, ["tagKeys"] = new JsonArray("team", "absent") });
        Assert.Equal(["env=local"], await TagsAsync(arn));
    }

    [Fact]
    public async Task More_than_fifty_tags_are_refused_with_TooManyTags_and_none_of_them_is_kept()
    {
        var arn = await CreateAsync(new JsonArray([.. Enumerable.Range(0, 49).Select(i => (JsonNode)Tag($"k{i}", "v"))]));

        var (status, answer) = await fixture.Raw.StatesAsync("TagResource", new JsonObject { ["resourceArn"] = arn, ["tags"] = new JsonArray(Tag("x", "1"), Tag("y", "2")) });

        Assert.Equal(400, status);
        Assert.Equal("TooManyTags", answer["__type"]!.GetValue<string>());
        Assert.Equal(49, (await TagsAsync(arn)).Count);
    }

    [Theory]
    [InlineData("arn:aws:states:us-east-1:000000000000:stateMachine:never-made", "ResourceNotFound")]
    [InlineData("not-an-arn", "InvalidArn")]
    public async Task Tags_of_a_resource_that_is_not_there_are_refused(string arn, string code)
    {
        var (status, answer) = await fixture.Raw.StatesAsync("ListTagsForResource", new JsonObject { ["resourceArn"] = arn });

        Assert.Equal(400, status);
        Assert.Equal(code, answer["__type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""[{ "key": "", "value": "v" }]""")]
    [InlineData("""[{ "value": "v" }]""")]
    [InlineData("""["k"]""")]
    [InlineData("""{ "k": "v" }""")]
    public async Task A_malformed_tag_is_a_ValidationException(string tags)
    {
        var arn = await CreateAsync([]);

        var (status, answer) = await fixture.Raw.CallAsync("AWSStepFunctions.TagResource", $$"""{ "resourceArn": "{{arn}}", "tags": {{tags}} }""");

        Assert.Equal(400, status);
        Assert.Equal("ValidationException", answer["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task DescribeStateMachineForExecution_gives_the_definition_the_execution_ran_and_refuses_an_unknown_execution()
    {
        var arn = await CreateAsync([]);
        var started = await fixture.Raw.StatesOkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = arn, ["name"] = "one" });

        var described = await fixture.Raw.StatesOkAsync("DescribeStateMachineForExecution", new JsonObject { ["executionArn"] = started["executionArn"]!.GetValue<string>() });
        var (status, missing) = await fixture.Raw.StatesAsync("DescribeStateMachineForExecution",
            new JsonObject { ["executionArn"] = arn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":never" });

        Assert.Equal(arn, described["stateMachineArn"]!.GetValue<string>());
        Assert.Equal(TestMachines.Quick, described["definition"]!.GetValue<string>());
        Assert.NotNull(described["updateDate"]);
        Assert.Equal(400, status);
        Assert.Equal("ExecutionDoesNotExist", missing["__type"]!.GetValue<string>());
    }

    private async Task<string> CreateAsync(JsonArray tags)
    {
        var created = await fixture.Raw.StatesOkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = TestMachines.Name("tagged"), ["definition"] = TestMachines.Quick, ["roleArn"] = Role, ["tags"] = tags,
        });
        return created["stateMachineArn"]!.GetValue<string>();
    }

    private async Task<List<string>> TagsAsync(string arn)
    {
        var listed = await fixture.Raw.StatesOkAsync("ListTagsForResource", new JsonObject { ["resourceArn"] = arn });
        return [.. listed["tags"]!.AsArray().Select(t => $"{t!["key"]!.GetValue<string>()}={t["value"]!.GetValue<string>()}")];
    }

    private static JsonObject Tag(string key, string value) => new() { ["key"] = key, ["value"] = value };
}
