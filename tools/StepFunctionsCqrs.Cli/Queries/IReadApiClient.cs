namespace StepFunctionsCqrs.Cli.Queries;

/// <summary>The read API's GET routes, answered over HTTP or by the same code in-process over the view tables.</summary>
public interface IReadApiClient
{
    /// <summary>GETs a route such as <c>/guests/g-1/bookings</c> with query parameters.</summary>
    Task<ReadApiAnswer> GetAsync(string path, IReadOnlyDictionary<string, string> query, CancellationToken cancellationToken);
}
