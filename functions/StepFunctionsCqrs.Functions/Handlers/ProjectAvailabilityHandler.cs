using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Aws;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Contracts;
using StepFunctionsCqrs.Functions.Json;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;

namespace StepFunctionsCqrs.Functions.Handlers;

/// <summary>Lambda entry point for the ProjectAvailability function: commit in, version-guarded availability rows written.</summary>
public sealed class ProjectAvailabilityHandler
{
    private readonly IAvailabilityView view;

    /// <summary>Configured from the environment: the availability table and the standard AWS settings.</summary>
    public ProjectAvailabilityHandler()
        : this(new DynamoDbAvailabilityView(AwsClientFactory.CreateDynamoDb(), TableNames.FromEnvironment().Availability))
    {
    }

    /// <summary>Writes to the given view.</summary>
    public ProjectAvailabilityHandler(IAvailabilityView view) => this.view = view;

    /// <summary>Lambda calls this with the raw event and returns the raw response.</summary>
    public async Task<Stream> Handle(Stream input)
    {
        var request = await HandlerJson.ReadAsync<ProjectRequest>(input).ConfigureAwait(false);
        var rows = request.Commit.Changes.SelectMany(AvailabilityProjection.Project).ToList();
        await view.ApplyAsync(rows, CancellationToken.None).ConfigureAwait(false);
        return HandlerJson.Write(new ProjectResult("Availability", request.Commit.CommandId, rows.Count));
    }
}
