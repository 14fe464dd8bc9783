using Amazon.DynamoDBv2;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Http;
using StepFunctionsCqrs.Functions.Queries;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;

namespace StepFunctionsCqrs.Cli.Queries;

/// <summary>Answers read API routes with the read API's own code over the view tables, for stacks reached without the HTTP API.</summary>
public sealed class InProcessReadApiClient(IAmazonDynamoDB dynamoDb, TableNames tables, string endpointForMessages) : IReadApiClient
{
    private readonly ReadApi api = new(
        new DynamoDbAvailabilityView(dynamoDb, tables.Availability),
        new DynamoDbGuestBookingsView(dynamoDb, tables.GuestBookings),
        new DynamoDbArrivalsView(dynamoDb, tables.Arrivals),
        new DynamoDbCommandStatusView(dynamoDb, tables.CommandStatus));

    /// <inheritdoc />
    public async Task<ReadApiAnswer> GetAsync(string path, IReadOnlyDictionary<string, string> query, CancellationToken cancellationToken)
    {
        var request = new HttpApiRequest(path, query, null, new HttpApiRequestContext(new HttpApiRequestHttp("GET", path), "$default"));
        var response = await TargetErrors.GuardAsync(
            () => api.AnswerAsync(request, cancellationToken), endpointForMessages, TableFor(path)).ConfigureAwait(false);
        return new ReadApiAnswer(response.StatusCode, response.Body);
    }

    private string TableFor(string path) => path switch
    {
        _ when path.StartsWith("/commands/", StringComparison.Ordinal) => tables.CommandStatus,
        _ when path.StartsWith("/guests/", StringComparison.Ordinal) => tables.GuestBookings,
        _ when path.EndsWith("/arrivals", StringComparison.Ordinal) => tables.Arrivals,
        _ => tables.Availability,
    };
}
