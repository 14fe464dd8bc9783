using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace StepFunctionsCqrs.LocalCloud.Edge;

/// <summary>An HTTP client for the edge's HTTP routes, signing each request for <c>execute-api</c> as API Gateway expects.</summary>
public static class SignedHttpClient
{
    /// <summary>A client at <paramref name="edge"/> signing as <paramref name="credentials"/>.</summary>
    public static HttpClient Create(Uri edge, AWSCredentials credentials, string region = "us-east-1") =>
        new(new SigV4SigningHandler(credentials, RegionEndpoint.GetBySystemName(region), SignatureGuard.HttpApiService, new SocketsHttpHandler()))
        {
            BaseAddress = edge,
        };
}
