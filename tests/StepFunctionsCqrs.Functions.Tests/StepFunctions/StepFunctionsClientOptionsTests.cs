using Amazon.Runtime;
using StepFunctionsCqrs.Functions.StepFunctions;

namespace StepFunctionsCqrs.Functions.Tests.StepFunctions;

public sealed class StepFunctionsClientOptionsTests
{
    private static readonly AWSCredentials Credentials = new BasicAWSCredentials("AKID", "secret");

    private static StepFunctionsClientOptions From(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return StepFunctionsClientOptions.FromEnvironment(name => map.GetValueOrDefault(name), Credentials);
    }

    [Fact]
    public void Without_an_endpoint_variable_the_regional_public_endpoint_is_used()
    {
        var options = From(("AWS_REGION", "eu-central-1"));

        Assert.Equal(new Uri("https://states.eu-central-1.amazonaws.com/"), options.Endpoint);
        Assert.Equal("eu-central-1", options.Region);
    }

    [Fact]
    public void The_service_specific_endpoint_wins_over_the_global_one()
    {
        var options = From(("AWS_REGION", "us-east-1"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"), ("AWS_ENDPOINT_URL_SFN", "http://127.0.0.1:8083"));

        Assert.Equal(new Uri("http://127.0.0.1:8083"), options.Endpoint);
    }

    [Fact]
    public void The_global_endpoint_is_used_when_no_service_specific_one_is_set()
    {
        var options = From(("AWS_DEFAULT_REGION", "us-east-1"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"));

        Assert.Equal(new Uri("http://127.0.0.1:4566"), options.Endpoint);
        Assert.Equal("us-east-1", options.Region);
    }

    [Fact]
    public void AWS_REGION_wins_over_AWS_DEFAULT_REGION()
    {
        Assert.Equal("ap-south-1", From(("AWS_REGION", "ap-south-1"), ("AWS_DEFAULT_REGION", "us-east-1")).Region);
    }

    [Fact]
    public void Configured_endpoints_are_ignored_when_asked_to()
    {
        var options = From(("AWS_REGION", "us-east-1"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));

        Assert.Equal(new Uri("https://states.us-east-1.amazonaws.com/"), options.Endpoint);
    }

    [Fact]
    public void A_missing_region_is_reported_naming_the_variables()
    {
        var error = Assert.Throws<InvalidOperationException>(() => From(("AWS_ENDPOINT_URL", "http://127.0.0.1:4566")));

        Assert.Contains("AWS_REGION", error.Message);
        Assert.Contains("AWS_DEFAULT_REGION", error.Message);
    }

    [Fact]
    public void A_malformed_endpoint_is_reported_with_its_value()
    {
        var error = Assert.Throws<InvalidOperationException>(() => From(("AWS_REGION", "us-east-1"), ("AWS_ENDPOINT_URL", "localhost:4566")));

        Assert.Contains("'localhost:4566'", error.Message);
    }
}
