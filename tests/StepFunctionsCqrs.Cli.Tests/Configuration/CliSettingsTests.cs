using StepFunctionsCqrs.Cli.Configuration;

namespace StepFunctionsCqrs.Cli.Tests.Configuration;

public sealed class CliSettingsTests
{
    private static CliSettings Resolve(Dictionary<string, string> environment, Dictionary<string, string>? file = null) =>
        CliSettings.Resolve(new SettingsSource(name => environment.GetValueOrDefault(name), file ?? []));

    [Fact]
    public void With_only_an_endpoint_the_defaults_name_the_local_clouds_resources()
    {
        var settings = Resolve(new() { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566" });

        Assert.Equal("us-east-1", settings.Region);
        Assert.Equal("commands", settings.CommandsQueue);
        Assert.Equal("commands-dlq", settings.DeadLetterQueue);
        Assert.Equal("arn:aws:states:us-east-1:000000000000:stateMachine:command-pipeline", settings.StateMachineArn);
        Assert.Equal("CommitLog", settings.Tables.CommitLog);
        Assert.Equal("CommandStatusView", settings.Tables.CommandStatus);
        Assert.Equal(new Uri("http://127.0.0.1:4566"), settings.SqsEndpoint);
        Assert.Null(settings.ReadApiUrl);
    }

    [Fact]
    public void Service_specific_endpoints_and_table_variables_override_the_general_ones()
    {
        var settings = Resolve(new()
        {
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:8000",
            ["COMMIT_LOG_TABLE"] = "Stack-CommitLog-ABC",
            ["CQRS_TABLE_PREFIX"] = "dev-",
        });

        Assert.Equal(new Uri("http://127.0.0.1:8000"), settings.DynamoDbEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:4566"), settings.StepFunctionsEndpoint);
        Assert.Equal("Stack-CommitLog-ABC", settings.Tables.CommitLog);
        Assert.Equal("dev-AvailabilityView", settings.Tables.Availability);
    }

    [Fact]
    public void Environment_variables_win_over_the_config_file()
    {
        var settings = Resolve(
            new() { ["AWS_REGION"] = "eu-west-1", ["CQRS_COMMANDS_QUEUE_URL"] = "https://sqs.eu-west-1.amazonaws.com/1/from-env" },
            new() { ["CQRS_COMMANDS_QUEUE_URL"] = "from-file", ["CQRS_STATE_MACHINE_ARN"] = "arn:aws:states:eu-west-1:1:stateMachine:Pipeline" });

        Assert.Equal("https://sqs.eu-west-1.amazonaws.com/1/from-env", settings.CommandsQueue);
        Assert.Equal("arn:aws:states:eu-west-1:1:stateMachine:Pipeline", settings.StateMachineArn);
        Assert.Null(settings.Endpoint);
        Assert.Equal("https://states.eu-west-1.amazonaws.com", settings.Describe(settings.StepFunctionsEndpoint, "states"));
    }

    [Fact]
    public void Without_region_or_endpoint_the_error_says_what_to_set()
    {
        var error = Assert.Throws<CliException>(() => Resolve([]));

        Assert.Contains("AWS_REGION", error.Message);
    }

    [Fact]
    public void A_malformed_endpoint_is_reported_with_its_variable()
    {
        var error = Assert.Throws<CliException>(() => Resolve(new() { ["AWS_ENDPOINT_URL"] = "localhost:4566" }));

        Assert.Contains("AWS_ENDPOINT_URL is 'localhost:4566'", error.Message);
    }
}
