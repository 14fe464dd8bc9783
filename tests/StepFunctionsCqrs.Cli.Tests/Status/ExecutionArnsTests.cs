using StepFunctionsCqrs.Cli.Status;

namespace StepFunctionsCqrs.Cli.Tests.Status;

public sealed class ExecutionArnsTests
{
    [Fact]
    public void The_execution_of_a_command_is_named_by_its_command_id_under_the_state_machine()
    {
        Assert.Equal(
            "arn:aws:states:eu-west-1:123456789012:execution:Pipeline-Ab1:cmd-42",
            ExecutionArns.For("arn:aws:states:eu-west-1:123456789012:stateMachine:Pipeline-Ab1", "cmd-42"));
    }

    [Fact]
    public void The_console_url_points_at_the_executions_details_in_its_region()
    {
        Assert.Equal(
            "https://eu-west-1.console.aws.amazon.com/states/home?region=eu-west-1#/v2/executions/details/arn:aws:states:eu-west-1:1:execution:P:c",
            ExecutionArns.ConsoleUrl("eu-west-1", "arn:aws:states:eu-west-1:1:execution:P:c"));
    }

    [Fact]
    public void Something_that_is_not_a_state_machine_arn_is_named_in_the_error()
    {
        var error = Assert.Throws<CliException>(() => ExecutionArns.For("arn:aws:sqs:us-east-1:1:commands", "c"));

        Assert.Contains("'arn:aws:sqs:us-east-1:1:commands' is not a state machine ARN", error.Message);
    }
}
