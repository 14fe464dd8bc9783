using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SQS;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.LocalCloud.Bootstrap;

namespace StepFunctionsCqrs.LocalCloud.WebConsole;

/// <summary>
/// The console's SDK clients: it reads the local cloud through the edge's public APIs, signed like any other caller,
/// so what it shows is what any client would see and it has no second path into the services' internals.
/// </summary>
public sealed class ConsoleClients : IDisposable
{
    private readonly StepFunctionsClient stepFunctions;
    private readonly AmazonSQSClient sqs;
    private readonly AmazonDynamoDBClient dynamoDb;

    /// <summary>Clients for the edge at <paramref name="endpoint"/>, signing with <paramref name="credentials"/>.</summary>
    public ConsoleClients(Uri endpoint, string region, AWSCredentials credentials, CreatedResources resources)
    {
        Resources = resources;
        stepFunctions = new StepFunctionsClient(new StepFunctionsClientOptions(endpoint, region, credentials));
        sqs = new AmazonSQSClient(credentials, new AmazonSQSConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = region });
        dynamoDb = new AmazonDynamoDBClient(credentials, new AmazonDynamoDBConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = region });
    }

    /// <summary>Step Functions.</summary>
    public IStepFunctionsApi StepFunctions => stepFunctions;

    /// <summary>SQS.</summary>
    public IAmazonSQS Sqs => sqs;

    /// <summary>DynamoDB.</summary>
    public IAmazonDynamoDB DynamoDb => dynamoDb;

    /// <summary>The queues and state machine of the pipeline.</summary>
    public CreatedResources Resources { get; }

    /// <summary>The ARN of the state machine called <paramref name="name"/> in the pipeline's region and account.</summary>
    public string StateMachineArn(string name) =>
        Resources.StateMachineArn[..(Resources.StateMachineArn.LastIndexOf(':') + 1)] + name;

    /// <summary>The tables, named as the local bootstrap creates them.</summary>
    public TableNames Tables => TableNames.Logical;

    /// <inheritdoc />
    public void Dispose()
    {
        stepFunctions.Dispose();
        sqs.Dispose();
        dynamoDb.Dispose();
    }
}
