using Microsoft.Extensions.Logging;
using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Aws;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Logging;
using StepFunctionsCqrs.Functions.Projections;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;

namespace StepFunctionsCqrs.Functions.Handlers;

/// <summary>Lambda entry point for the ProjectAvailability function: commit in, version-guarded availability rows written.</summary>
public sealed class ProjectAvailabilityHandler
{
    private readonly ViewProjector<AvailabilityRow> projector;

    /// <summary>Configured from the environment: the availability table and the standard AWS settings.</summary>
    public ProjectAvailabilityHandler()
        : this(new DynamoDbAvailabilityView(AwsClientFactory.CreateDynamoDb(), TableNames.FromEnvironment().Availability))
    {
    }

    /// <summary>Writes to the given view, logging to <paramref name="loggers"/> (the process's by default) and timing its lag on <paramref name="clock"/> (the system's).</summary>
    public ProjectAvailabilityHandler(IAvailabilityView view, ILoggerFactory? loggers = null, TimeProvider? clock = null) =>
        projector = new("Availability", AvailabilityProjection.Project, view, (loggers ?? HandlerLogging.Factory).CreateLogger<ProjectAvailabilityHandler>(), clock ?? TimeProvider.System);

    /// <summary>Lambda calls this with the raw event and returns the raw response.</summary>
    public Task<Stream> Handle(Stream input) => projector.HandleAsync(input);
}
