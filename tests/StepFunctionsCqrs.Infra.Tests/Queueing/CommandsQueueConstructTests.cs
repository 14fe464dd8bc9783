using Amazon.CDK.Assertions;
using StepFunctionsCqrs.Infra.Queueing;
using StepFunctionsCqrs.Infra.Tests.Support;

namespace StepFunctionsCqrs.Infra.Tests.Queueing;

public sealed class CommandsQueueConstructTests
{
    [Fact]
    public void Creates_an_encrypted_queue_and_dead_letter_queue_with_redrive_and_six_times_the_dispatcher_timeout()
    {
        var stack = IsolatedStack.Create();
        var queues = new CommandsQueueConstruct(stack, "Commands", new CommandsQueueProps(DispatcherTimeoutSeconds: 45, MaxReceiveCount: 4));
        var template = SynthesizedTemplate.Of(stack);

        Assert.Equal(2, template.Count("AWS::SQS::Queue"));
        var queue = template.Resources("AWS::SQS::Queue")[template.LogicalIdOf(queues.Queue)]["Properties"]!;
        Assert.Equal(270, (int)queue["VisibilityTimeout"]!);
        Assert.True((bool)queue["SqsManagedSseEnabled"]!);
        Assert.Equal(4, (int)queue["RedrivePolicy"]!["maxReceiveCount"]!);
        Assert.Equal(template.LogicalIdOf(queues.DeadLetterQueue), JsonReferences.TargetOf(queue["RedrivePolicy"]!["deadLetterTargetArn"]));

        var deadLetters = template.Resources("AWS::SQS::Queue")[template.LogicalIdOf(queues.DeadLetterQueue)]["Properties"]!;
        Assert.True((bool)deadLetters["SqsManagedSseEnabled"]!);
        Assert.Equal(14 * 24 * 3600, (int)deadLetters["MessageRetentionPeriod"]!);
    }

    [Fact]
    public void Both_queues_refuse_unencrypted_transport()
    {
        var stack = IsolatedStack.Create();
        new CommandsQueueConstruct(stack, "Commands", new CommandsQueueProps(60));
        var template = SynthesizedTemplate.Of(stack);

        template.Template.ResourceCountIs("AWS::SQS::QueuePolicy", 2);
        template.Template.AllResourcesProperties("AWS::SQS::QueuePolicy", new Dictionary<string, object>
        {
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Effect"] = "Deny",
                    ["Condition"] = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } },
                })]),
            }),
        });
    }

    [Theory]
    [InlineData(0, 5, "DispatcherTimeoutSeconds")]
    [InlineData(901, 5, "DispatcherTimeoutSeconds")]
    [InlineData(60, 0, "MaxReceiveCount")]
    public void Rejects_settings_that_cannot_make_a_working_queue(int timeout, int maxReceiveCount, string offending)
    {
        var stack = IsolatedStack.Create();

        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new CommandsQueueConstruct(stack, "Commands", new CommandsQueueProps(timeout, maxReceiveCount)));

        Assert.Equal(offending, error.ParamName);
    }
}
