using Microsoft.Extensions.Logging;
using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Aws;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Logging;
using StepFunctionsCqrs.Functions.Projections;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;

namespace StepFunctionsCqrs.Functions.Handlers;

/// <summary>Lambda entry point for the ProjectGuestBookings function: commit in, version-guarded guest booking rows written.</summary>
public sealed class ProjectGuestBookingsHandler
{
    private readonly ViewProjector<GuestBookingRow> projector;

    /// <summary>Configured from the environment: the guest bookings table and the standard AWS settings.</summary>
    public ProjectGuestBookingsHandler()
        : this(new DynamoDbGuestBookingsView(AwsClientFactory.CreateDynamoDb(), TableNames.FromEnvironment().GuestBookings))
    {
    }

    /// <summary>Writes to the given view, logging to <paramref name="loggers"/> (the process's by default) and timing its lag on <paramref name="clock"/> (the system's).</summary>
    public ProjectGuestBookingsHandler(IGuestBookingsView view, ILoggerFactory? loggers = null, TimeProvider? clock = null) =>
        projector = new("GuestBookings", GuestBookingsProjection.Project, view, (loggers ?? HandlerLogging.Factory).CreateLogger<ProjectGuestBookingsHandler>(), clock ?? TimeProvider.System);

    /// <summary>Lambda calls this with the raw event and returns the raw response.</summary>
    public Task<Stream> Handle(Stream input) => projector.HandleAsync(input);
}
