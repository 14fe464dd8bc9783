using StepFunctionsCqrs.Functions.Authorization;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Handlers;
using StepFunctionsCqrs.Functions.Tests.TestKit;

namespace StepFunctionsCqrs.Functions.Tests.Configuration;

/// <summary>The parameterless constructors Lambda uses read their settings from the environment; these variables are read by nothing else in the tests.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class EnvironmentConfigurationTests
{
    [Fact]
    public void Validate_without_its_sender_mapping_refuses_to_start_naming_the_variable()
    {
        Environment.SetEnvironmentVariable(SenderRoles.EnvironmentVariable, null);

        var error = Assert.Throws<InvalidOperationException>(() => new ValidateHandler());

        Assert.Contains(SenderRoles.EnvironmentVariable, error.Message);
    }

    [Fact]
    public async Task Validate_configured_from_the_environment_authorizes_by_the_mapping()
    {
        Environment.SetEnvironmentVariable(SenderRoles.EnvironmentVariable, """{"AIDACOMMANDAPI":["command-api"]}""");
        Environment.SetEnvironmentVariable(CallerRolesVariable.Name, """{"arn:aws:iam::123456789012:user/ops":["admin"]}""");
        try
        {
            var input = $$"""{"command":{{Envelopes.BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-02").ToJsonString()}},"sqs":{"messageId":"m1","senderId":"AIDACOMMANDAPI","sentTimestamp":1,"receiveCount":1,"caller":{"principal":"arn:aws:iam::123456789012:user/ops","scheme":"iam"} },"executionId":"e1"}""";

            var result = await Lambda.InvokeAsync(new ValidateHandler().Handle, input);

            Assert.True(result.GetProperty("accepted").GetBoolean());
        }
        finally
        {
            Environment.SetEnvironmentVariable(SenderRoles.EnvironmentVariable, null);
            Environment.SetEnvironmentVariable(CallerRolesVariable.Name, null);
        }
    }

    [Fact]
    public void Table_names_come_from_their_variables_and_default_to_the_logical_names()
    {
        Environment.SetEnvironmentVariable("COMMIT_LOG_TABLE", "prod-CommitLog-1A2B3C");
        try
        {
            var names = TableNames.FromEnvironment();

            Assert.Equal("prod-CommitLog-1A2B3C", names.CommitLog);
            Assert.Equal("AvailabilityView", names.Availability);
        }
        finally
        {
            Environment.SetEnvironmentVariable("COMMIT_LOG_TABLE", null);
        }
    }
}
