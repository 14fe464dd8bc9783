using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.LocalCloud.Lambda;

namespace StepFunctionsCqrs.LocalCloud.Tests.Lambda;

public sealed class FunctionEnvironmentTests
{
    private static readonly Uri Edge = new("http://127.0.0.1:4566/");

    [Fact]
    public void Functions_reach_every_service_through_the_edge_by_the_standard_endpoint_variable()
    {
        var variables = new FunctionEnvironment(Edge, "us-east-1", "arn:aws:states:us-east-1:000000000000:stateMachine:p").Variables;

        Assert.Equal("http://127.0.0.1:4566", variables["AWS_ENDPOINT_URL"]);
        Assert.False(variables.ContainsKey("AWS_ENDPOINT_URL_DYNAMODB"));
        Assert.All(Tables.All, t => Assert.Equal(t.LogicalName, variables[t.EnvironmentVariable]));
    }

    [Fact]
    public void Given_DynamoDB_itself_the_functions_call_it_directly_through_the_service_specific_variable()
    {
        var variables = new FunctionEnvironment(Edge, "us-east-1", "arn:p", new Uri("http://127.0.0.1:40000/")).Variables;

        Assert.Equal("http://127.0.0.1:4566", variables["AWS_ENDPOINT_URL"]);
        Assert.Equal("http://127.0.0.1:40000", variables["AWS_ENDPOINT_URL_DYNAMODB"]);
    }
}
