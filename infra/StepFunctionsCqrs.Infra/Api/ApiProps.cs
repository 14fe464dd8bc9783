using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SQS;

namespace StepFunctionsCqrs.Infra.Api;

/// <summary>What the HTTP API fronts: the query function for reads, the commands queue for writes.</summary>
/// <param name="Query">The read-only query function.</param>
/// <param name="Commands">The commands queue.</param>
public sealed record ApiProps(IFunction Query, IQueue Commands)
{
    /// <summary>Throws when a target is missing.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Query);
        ArgumentNullException.ThrowIfNull(Commands);
    }
}
