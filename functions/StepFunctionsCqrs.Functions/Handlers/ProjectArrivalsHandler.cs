using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Aws;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Contracts;
using StepFunctionsCqrs.Functions.Json;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;

namespace StepFunctionsCqrs.Functions.Handlers;

/// <summary>Lambda entry point for the ProjectArrivals function: commit in, version-guarded arrival rows written.</summary>
public sealed class ProjectArrivalsHandler
{
    private readonly IArrivalsView view;

    /// <summary>Configured from the environment: the arrivals table and the standard AWS settings.</summary>
    public ProjectArrivalsHandler()
        : this(new DynamoDbArrivalsView(AwsClientFactory.CreateDynamoDb(), TableNames.FromEnvironment().Arrivals))
    {
    }

    /// <summary>Writes to the given view.</summary>
    public ProjectArrivalsHandler(IArrivalsView view) => this.view = view;

    /// <summary>Lambda calls this with the raw event and returns the raw response.</summary>
    public async Task<Stream> Handle(Stream input)
    {
        var request = await HandlerJson.ReadAsync<ProjectRequest>(input).ConfigureAwait(false);
        var rows = request.Commit.Changes.SelectMany(ArrivalsProjection.Project).ToList();
        await view.ApplyAsync(rows, CancellationToken.None).ConfigureAwait(false);
        return HandlerJson.Write(new ProjectResult("Arrivals", request.Commit.CommandId, rows.Count));
    }
}
