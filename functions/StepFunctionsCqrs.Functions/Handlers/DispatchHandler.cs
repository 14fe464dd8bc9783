namespace StepFunctionsCqrs.Functions.Handlers;

/// <summary>Lambda entry point for the Dispatch function.</summary>
public sealed class DispatchHandler
{
    /// <summary>Lambda calls this with the raw event and returns the raw response.</summary>
    public Task<Stream> Handle(Stream input) => throw new NotImplementedException();
}
