using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Aws;
using StepFunctionsCqrs.Functions.Configuration;
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

    /// <summary>Writes to the given view.</summary>
    public ProjectArrivalsHandler(IArrivalsView view) => projector = new("Arrivals", ArrivalsProjection.Project, view);

    /// <summary>Lambda calls this with the raw event and returns the raw response.</summary>
    public Task<Stream> Handle(Stream input) => projector.HandleAsync(input);
}
