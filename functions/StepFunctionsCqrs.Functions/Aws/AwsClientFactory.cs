using Amazon.DynamoDBv2;

namespace StepFunctionsCqrs.Functions.Aws;

/// <summary>AWS clients configured the standard way: region, credentials chain and AWS_ENDPOINT_URL from the environment.</summary>
public static class AwsClientFactory
{
    /// <summary>A DynamoDB client; the SDK itself honours AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_DYNAMODB.</summary>
    public static IAmazonDynamoDB CreateDynamoDb() => new AmazonDynamoDBClient();
}
