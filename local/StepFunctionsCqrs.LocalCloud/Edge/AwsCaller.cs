using Microsoft.AspNetCore.Http;

namespace StepFunctionsCqrs.LocalCloud.Edge;

/// <summary>The caller of a request, as the edge's <see cref="SignatureGuard"/> established it from the signature.</summary>
public sealed record AwsCaller(string AccessKey, Uri BaseUrl)
{
    /// <summary>The caller of a request, or null when no signature was accepted for it.</summary>
    public static AwsCaller? From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.Features.Get<SignatureVerdict>() is { Fault: null, AccessKey: { } accessKey }
            ? new AwsCaller(accessKey, new Uri($"{request.Scheme}://{request.Host}/"))
            : null;
    }
}
