using Microsoft.Extensions.Logging;
using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Aws;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Logging;
using StepFunctionsCqrs.Functions.Projections;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;

namespace StepFunctionsCqrs.Functions.Handlers;

/// <summary>Lambda entry point for the ProjectArrivals function: commit in, version-guarded arrival rows written.</summary>
public sealed class ProjectArrivalsHandler
{
    private readonly ViewProjector<ArrivalRow> projector;

    /// <summary>Configured from the environment: the arrivals table and the standard AWS settings.</summary>
    public ProjectArrivalsHandler()
        : this(new DynamoDbArrivalsView(AwsClientFactory.CreateDynamoDb(), TableNames.FromEnvironment().Arrivals))
    {
    }

    /// <summary>Writes to the given view, logging to <paramref name="loggers"/> (the process's by default) and timing its lag on <paramref name="clock"/> (the system's).</summary>
    public ProjectArrivalsHandler(IArrivalsView view, ILoggerFactory? loggers = null, TimeProvider? clock = null) =>
        projector = new("Arrivals", ArrivalsProjection.Project, view, (loggers ?? HandlerLogging.Factory).CreateLogger<ProjectArrivalsHandler>(), clock ?? TimeProvider.System);

    /// <summary>Lambda calls this with the raw event and returns the raw response.</summary>
    public Task<Stream> Handle(Stream input) => projector.HandleAsync(input);
}
