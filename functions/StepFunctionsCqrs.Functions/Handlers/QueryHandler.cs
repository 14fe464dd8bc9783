namespace StepFunctionsCqrs.Functions.Handlers;

/// <summary>Lambda entry point for the Query function.</summary>
public sealed class QueryHandler
{
    /// <summary>Lambda calls this with the raw event and returns the raw response.</summary>
    public Task<Stream> Handle(Stream input) => throw new NotImplementedException();
}
