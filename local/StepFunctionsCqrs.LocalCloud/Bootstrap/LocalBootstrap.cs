using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.SQS;
using Amazon.SQS.Model;
using StepFunctionsCqrs.Asl;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;
using StepFunctionsCqrs.LocalCloud.Lambda;
using StepFunctionsCqrs.LocalCloud.StepFunctions;

namespace StepFunctionsCqrs.LocalCloud.Bootstrap;

/// <summary>
/// Creates the queues, tables and state machine from the same definitions CDK deploys. Safe to run on every start:
/// what exists is kept, and a changed state machine definition is updated in place.
/// </summary>
public sealed class LocalBootstrap(IAmazonSQS sqs, IAmazonDynamoDB dynamoDb, StepFunctionsOperations stepFunctions, InProcessFunctions functions, StateMachineArns arns)
{
    /// <summary>Creates everything that is missing.</summary>
    public async Task<CreatedResources> RunAsync(string repositoryRoot, int visibilityTimeoutSeconds, CancellationToken cancellationToken)
    {
        var deadLetterUrl = (await sqs.CreateQueueAsync(new CreateQueueRequest
        {
            QueueName = LocalResources.DeadLetterQueueName,
            Attributes = new Dictionary<string, string> { ["MessageRetentionPeriod"] = "1209600" },
        }, cancellationToken).ConfigureAwait(false)).QueueUrl;
        var deadLetterArn = await ArnOfAsync(deadLetterUrl, cancellationToken).ConfigureAwait(false);

        var commandsUrl = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = LocalResources.CommandsQueueName }, cancellationToken).ConfigureAwait(false)).QueueUrl;

        // Set rather than passed to CreateQueue: CreateQueue refuses attributes that differ from an existing queue's.
        await sqs.SetQueueAttributesAsync(commandsUrl, new Dictionary<string, string>
        {
            ["VisibilityTimeout"] = visibilityTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            ["MessageRetentionPeriod"] = "345600",
            ["RedrivePolicy"] = new JsonObject { ["deadLetterTargetArn"] = deadLetterArn, ["maxReceiveCount"] = LocalResources.MaxReceiveCount }.ToJsonString(),
        }, cancellationToken).ConfigureAwait(false);
        var commandsArn = await ArnOfAsync(commandsUrl, cancellationToken).ConfigureAwait(false);

        await new TableCreator(dynamoDb).CreateAllAsync(TableNames.Logical, cancellationToken).ConfigureAwait(false);

        var definition = DefinitionSubstitutions.Apply(
            await File.ReadAllTextAsync(Path.Combine(repositoryRoot, LocalResources.DefinitionPath), cancellationToken).ConfigureAwait(false),
            functions.Substitutions);
        var stateMachineArn = arns.StateMachine(LocalResources.StateMachineName);
        var roleArn = $"arn:aws:iam::{arns.AccountId}:role/{LocalResources.StateMachineName}";
        try
        {
            var existing = await stepFunctions.InvokeAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = stateMachineArn }, cancellationToken).ConfigureAwait(false);
            if (existing["definition"]?.GetValue<string>() != definition)
            {
                // The definition file changed since the last start: new executions use the new one, as after a deploy.
                await stepFunctions.InvokeAsync("UpdateStateMachine",
                    new JsonObject { ["stateMachineArn"] = stateMachineArn, ["definition"] = definition, ["roleArn"] = roleArn }, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (StepFunctionsFault fault) when (fault.Code == StepFunctionsErrorCodes.StateMachineDoesNotExist)
        {
            await stepFunctions.InvokeAsync("CreateStateMachine", new JsonObject
            {
                ["name"] = LocalResources.StateMachineName, ["definition"] = definition, ["roleArn"] = roleArn, ["type"] = "STANDARD",
            }, cancellationToken).ConfigureAwait(false);
        }

        return new CreatedResources(commandsUrl, commandsArn, deadLetterUrl, stateMachineArn);
    }

    private async Task<string> ArnOfAsync(string queueUrl, CancellationToken cancellationToken) =>
        (await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = queueUrl, AttributeNames = ["QueueArn"] }, cancellationToken).ConfigureAwait(false)).QueueARN;
}
