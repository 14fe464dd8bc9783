using Microsoft.Extensions.Logging;
using StepFunctionsCqrs.Functions.Aws;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Http;
using StepFunctionsCqrs.Functions.Json;
using StepFunctionsCqrs.Functions.Logging;
using StepFunctionsCqrs.Functions.Queries;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;

namespace StepFunctionsCqrs.Functions.Handlers;

/// <summary>Lambda entry point for the Query function: API Gateway HTTP API event in, JSON response out; reads views, never writes.</summary>
public sealed class QueryHandler
{
    private readonly ReadApi api;
    private readonly ILogger log;

    /// <summary>Configured from the environment: the view tables and the standard AWS settings.</summary>
    public QueryHandler()
        : this(TableNames.FromEnvironment(), AwsClientFactory.CreateDynamoDb())
    {
    }

    private QueryHandler(TableNames tables, Amazon.DynamoDBv2.IAmazonDynamoDB dynamoDb)
        : this(
            new DynamoDbAvailabilityView(dynamoDb, tables.Availability),
            new DynamoDbGuestBookingsView(dynamoDb, tables.GuestBookings),
            new DynamoDbArrivalsView(dynamoDb, tables.Arrivals),
            new DynamoDbCommandStatusView(dynamoDb, tables.CommandStatus),
            ApiCaller.FromEnvironment())
    {
    }

    /// <summary>
    /// Reads from the given views, telling callers apart as <paramref name="callers"/> says, logging to
    /// <paramref name="loggers"/> (the process's by default).
    /// </summary>
    public QueryHandler(
        IAvailabilityView availability, IGuestBookingsView guestBookings, IArrivalsView arrivals, ICommandStatusView commandStatus, ApiCaller callers,
        ILoggerFactory? loggers = null)
    {
        api = new ReadApi(availability, guestBookings, arrivals, commandStatus, callers);
        log = (loggers ?? HandlerLogging.Factory).CreateLogger<QueryHandler>();
    }

    /// <summary>Lambda calls this with the raw event and returns the raw response.</summary>
    public async Task<Stream> Handle(Stream input)
    {
        var request = await HandlerJson.ReadAsync<HttpApiRequest>(input).ConfigureAwait(false);
        // The path is the caller's to choose; the log keeps its first 256 characters.
        var path = request.RawPath is { Length: > 256 } longPath ? longPath[..256] + "…" : request.RawPath;
        var scope = new Dictionary<string, object?> { ["state"] = "Query", ["method"] = request.RequestContext?.Http?.Method, ["path"] = path };
        return await InvocationLog.RunAsync(log, scope, async () =>
        {
            var response = await api.AnswerAsync(request, CancellationToken.None).ConfigureAwait(false);
            return new InvocationResult(HandlerJson.Write(response), response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }).ConfigureAwait(false);
    }
}
