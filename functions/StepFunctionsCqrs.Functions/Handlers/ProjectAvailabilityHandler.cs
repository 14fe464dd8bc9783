using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Aws;
using StepFunctionsCqrs.Functions.Configuration;
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

    /// <summary>Writes to the given view.</summary>
    public ProjectAvailabilityHandler(IAvailabilityView view) => projector = new("Availability", AvailabilityProjection.Project, view);

    /// <summary>Lambda calls this with the raw event and returns the raw response.</summary>
    public Task<Stream> Handle(Stream input) => projector.HandleAsync(input);
}
