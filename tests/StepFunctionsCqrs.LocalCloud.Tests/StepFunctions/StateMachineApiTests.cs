using System.Text.Json.Nodes;
using StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

namespace StepFunctionsCqrs.LocalCloud.Tests.StepFunctions;

[Collection(PipelineCollection.Name)]
public sealed class StateMachineApiTests(PipelineFixture fixture)
{
    private const string Role = "arn:aws:iam::000000000000:role/test";

    [Fact]
    public async Task A_created_state_machine_is_described_listed_updated_and_deleted()
    {
        var name = TestMachines.Name("lifecycle");
        var created = await fixture.Raw.StatesOkAsync("CreateStateMachine", new JsonObject { ["name"] = name, ["definition"] = TestMachines.Quick, ["roleArn"] = Role });
        var arn = created["stateMachineArn"]!.GetValue<string>();
        Assert.Equal($"arn:aws:states:us-east-1:000000000000:stateMachine:{name}", arn);

        var described = await fixture.Raw.StatesOkAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = arn });
        Assert.Equal(name, described["name"]!.GetValue<string>());
        Assert.Equal("STANDARD", described["type"]!.GetValue<string>());
        Assert.Equal(TestMachines.Quick, described["definition"]!.GetValue<string>());

        var listed = await fixture.Raw.StatesOkAsync("ListStateMachines", []);
        Assert.Contains(listed["stateMachines"]!.AsArray(), m => m!["stateMachineArn"]!.GetValue<string>() == arn);

        var updated = await fixture.Raw.StatesOkAsync("UpdateStateMachine", new JsonObject { ["stateMachineArn"] = arn, ["definition"] = TestMachines.Waiting });
        Assert.NotNull(updated["updateDate"]);
        var redescribed = await fixture.Raw.StatesOkAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = arn });
        Assert.Equal(TestMachines.Waiting, redescribed["definition"]!.GetValue<string>());

        await fixture.Raw.StatesOkAsync("DeleteStateMachine", new JsonObject { ["stateMachineArn"] = arn });
        var (status, gone) = await fixture.Raw.StatesAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = arn });
        Assert.Equal(400, status);
        Assert.Equal("StateMachineDoesNotExist", gone["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Creating_the_same_state_machine_twice_returns_the_first_and_a_different_one_under_its_name_is_refused()
    {
        var name = TestMachines.Name("twice");
        var request = new JsonObject { ["name"] = name, ["definition"] = TestMachines.Quick, ["roleArn"] = Role };
        var first = await fixture.Raw.StatesOkAsync("CreateStateMachine", request);
        var second = await fixture.Raw.StatesOkAsync("CreateStateMachine", (JsonObject)request.DeepClone());
        Assert.Equal(first["stateMachineArn"]!.GetValue<string>(), second["stateMachineArn"]!.GetValue<string>());

        var (status, answer) = await fixture.Raw.StatesAsync("CreateStateMachine", new JsonObject { ["name"] = name, ["definition"] = TestMachines.Waiting, ["roleArn"] = Role });
        Assert.Equal(400, status);
        Assert.Equal("StateMachineAlreadyExists", answer["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_invalid_definition_is_refused_with_InvalidDefinition_naming_the_problem()
    {
        var definition = """{"StartAt":"Missing","States":{"Only":{"Type":"Pass","End":true}}}""";
        var (status, answer) = await fixture.Raw.StatesAsync("CreateStateMachine", new JsonObject { ["name"] = TestMachines.Name("bad"), ["definition"] = definition, ["roleArn"] = Role });

        Assert.Equal(400, status);
        Assert.Equal("InvalidDefinition", answer["__type"]!.GetValue<string>());
        Assert.Contains("Missing", answer["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_name_with_forbidden_characters_is_refused_with_InvalidName()
    {
        var (status, answer) = await fixture.Raw.StatesAsync("CreateStateMachine", new JsonObject { ["name"] = "has space", ["definition"] = TestMachines.Quick, ["roleArn"] = Role });

        Assert.Equal(400, status);
        Assert.Equal("InvalidName", answer["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_malformed_state_machine_arn_is_refused_with_InvalidArn()
    {
        var (status, answer) = await fixture.Raw.StatesAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = "arn:aws:states:us-east-1:000000000000:activity:x" });

        Assert.Equal(400, status);
        Assert.Equal("InvalidArn", answer["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_missing_required_member_is_refused_with_ValidationException()
    {
        var (status, answer) = await fixture.Raw.StatesAsync("CreateStateMachine", new JsonObject { ["name"] = TestMachines.Name("nodef"), ["roleArn"] = Role });

        Assert.Equal(400, status);
        Assert.Equal("ValidationException", answer["__type"]!.GetValue<string>());
        Assert.Contains("definition", answer["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_state_machines_pages_with_next_tokens_until_every_machine_is_seen()
    {
        var arns = new HashSet<string>();
        for (var i = 0; i < 3; i++)
        {
            arns.Add(await TestMachines.CreateAsync(fixture, TestMachines.Quick, "paged"));
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var body = new JsonObject { ["maxResults"] = 2 };
            if (token is not null)
            {
                body["nextToken"] = token;
            }

            var page = await fixture.Raw.StatesOkAsync("ListStateMachines", body);
            Assert.True(page["stateMachines"]!.AsArray().Count <= 2);
            seen.AddRange(page["stateMachines"]!.AsArray().Select(m => m!["stateMachineArn"]!.GetValue<string>()));
            token = page["nextToken"]?.GetValue<string>();
        }
        while (token is not null);

        Assert.Subset(seen.ToHashSet(), arns);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task An_unknown_operation_is_answered_with_UnknownOperationException()
    {
        var (status, answer) = await fixture.Raw.StatesAsync("CreateActivity", new JsonObject { ["name"] = "x" });

        Assert.Equal(400, status);
        Assert.Equal("UnknownOperationException", answer["__type"]!.GetValue<string>());
    }
}
