using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.LocalCloud.Identity;
using StepFunctionsCqrs.LocalCloud.Lambda;

namespace StepFunctionsCqrs.LocalCloud.Tests.Lambda;

public sealed class FunctionEnvironmentTests
{
    private static readonly Uri Edge = new("http://127.0.0.1:4566/");
    private static readonly LocalIdentities Identities = LocalIdentities.Start([new LocalIdentity("admin", "LOCALADMIN", "s", ["admin"]), new LocalIdentity("alice", "alice", "s", [])]);

    [Fact]
    public void Functions_reach_every_service_through_the_edge_by_the_standard_endpoint_variable()
    {
        var variables = new FunctionEnvironment(Edge, "us-east-1", "arn:aws:states:us-east-1:000000000000:stateMachine:p", Identities).Variables;

        Assert.Equal("http://127.0.0.1:4566", variables["AWS_ENDPOINT_URL"]);
        Assert.False(variables.ContainsKey("AWS_ENDPOINT_URL_DYNAMODB"));
        Assert.All(Tables.All, t => Assert.Equal(t.LogicalName, variables[t.EnvironmentVariable]));
    }

    [Fact]
    public void Given_DynamoDB_itself_the_functions_call_it_directly_through_the_service_specific_variable()
    {
        var variables = new FunctionEnvironment(Edge, "us-east-1", "arn:p", Identities, new Uri("http://127.0.0.1:40000/")).Variables;

        Assert.Equal("http://127.0.0.1:4566", variables["AWS_ENDPOINT_URL"]);
        Assert.Equal("http://127.0.0.1:40000", variables["AWS_ENDPOINT_URL_DYNAMODB"]);
    }

    [Fact]
    public void Functions_sign_with_their_own_secret_and_grant_roles_to_the_command_api_and_to_the_profiles_that_hold_some()
    {
        var variables = new FunctionEnvironment(Edge, "us-east-1", "arn:p", Identities).Variables;

        Assert.Equal(LocalIdentities.FunctionsAccessKey, variables["AWS_ACCESS_KEY_ID"]);
        Assert.Equal(Identities.Functions.Secret, variables["AWS_SECRET_ACCESS_KEY"]);
        Assert.Equal(40, Identities.Functions.Secret.Length);
        Assert.Equal("""{"LOCALCOMMANDAPI":["command-api"],"LOCALADMIN":["admin"]}""", variables["SENDER_ROLES"]);
        Assert.Equal("""{"LOCALADMIN":["admin"]}""", variables["CALLER_ROLES"]);
    }
}
