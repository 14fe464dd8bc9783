using Amazon.SQS;

namespace StepFunctionsCqrs.LocalCloud.Http;

/// <summary>
/// The commands queue and the command API's client for it, once the bootstrap has made them. The edge listens before
/// that, so a client that posts during start-up is told to come back (503) instead of meeting a half-built endpoint.
/// </summary>
public sealed class CommandsQueue
{
    private Connection? ready;

    /// <summary>The client and queue URL, or null while the local cloud is still starting.</summary>
    public Connection? Ready => Volatile.Read(ref ready);

    /// <summary>Makes the queue available to the command API.</summary>
    public void Connect(IAmazonSQS sqs, string url) => Volatile.Write(ref ready, new Connection(sqs, url));

    /// <summary>The command API's client and the queue's URL.</summary>
    public sealed record Connection(IAmazonSQS Sqs, string Url);
}
