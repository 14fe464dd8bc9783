using Amazon.DynamoDBv2;
using StepFunctionsCqrs.Functions.Authorization;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Http;
using StepFunctionsCqrs.Functions.Queries;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;

namespace StepFunctionsCqrs.Cli.Queries;

/// <summary>Answers read API routes with the read API's own code over the view tables, for stacks reached without the HTTP API.</summary>
/// <remarks>
/// Whoever may read the view tables may read every row of them, so the routes answer this caller as an admin: the
/// AWS credentials' access to the tables, not the read API's rules, is what guards this door.
/// </remarks>
public sealed class InProcessReadApiClient(IAmazonDynamoDB dynamoDb, TableNames tables, string endpointForMessages) : IReadApiClient
{
    private const string TableReader = "operator-reading-the-tables";

    private readonly ReadApi api = new(
        new DynamoDbAvailabilityView(dynamoDb, tables.Availability),
        new DynamoDbGuestBookingsView(dynamoDb, tables.GuestBookings),
        new DynamoDbArrivalsView(dynamoDb, tables.Arrivals),
        new DynamoDbCommandStatusView(dynamoDb, tables.CommandStatus),
        new ApiCaller(CallerRoles.Parse($$"""{"{{TableReader}}":["{{Roles.Admin}}"]}""", "the table reader"), ApiCaller.DefaultGroupsClaim));

    /// <inheritdoc />
    public async Task<ReadApiAnswer> GetAsync(string path, IReadOnlyDictionary<string, string> query, CancellationToken cancellationToken)
    {
        var request = new HttpApiRequest(path, query, null, new HttpApiRequestContext(
            new HttpApiRequestHttp("GET", path), "$default", new HttpApiAuthorizer(new HttpApiIamIdentity(TableReader, null), null)));
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
