using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Aws;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Contracts;
using StepFunctionsCqrs.Functions.Json;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;

namespace StepFunctionsCqrs.Functions.Handlers;

/// <summary>Lambda entry point for the ProjectGuestBookings function: commit in, version-guarded guest booking rows written.</summary>
public sealed class ProjectGuestBookingsHandler
{
    private readonly IGuestBookingsView view;

    /// <summary>Configured from the environment: the guest bookings table and the standard AWS settings.</summary>
    public ProjectGuestBookingsHandler()
        : this(new DynamoDbGuestBookingsView(AwsClientFactory.CreateDynamoDb(), TableNames.FromEnvironment().GuestBookings))
    {
    }

    /// <summary>Writes to the given view.</summary>
    public ProjectGuestBookingsHandler(IGuestBookingsView view) => this.view = view;

    /// <summary>Lambda calls this with the raw event and returns the raw response.</summary>
    public async Task<Stream> Handle(Stream input)
    {
        var request = await HandlerJson.ReadAsync<ProjectRequest>(input).ConfigureAwait(false);
        var rows = request.Commit.Changes.SelectMany(GuestBookingsProjection.Project).ToList();
        await view.ApplyAsync(rows, CancellationToken.None).ConfigureAwait(false);
        return HandlerJson.Write(new ProjectResult("GuestBookings", request.Commit.CommandId, rows.Count));
    }
}
