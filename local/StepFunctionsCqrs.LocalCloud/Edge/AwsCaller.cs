using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace StepFunctionsCqrs.LocalCloud.Edge;

/// <summary>The caller as its SigV4 Authorization header names it; the edge's <see cref="SignatureGuard"/> has checked the signature of a known key.</summary>
public sealed partial record AwsCaller(string AccessKey, string Region, Uri BaseUrl)
{
    /// <summary>The caller of a request, or null when the request is not SigV4-signed.</summary>
    public static AwsCaller? From(HttpRequest request)
    {
        var match = CredentialPattern().Match(request.Headers.Authorization.ToString());
        if (!match.Success)
        {
            return null;
        }

        var baseUrl = new Uri($"{request.Scheme}://{request.Host}/");
        return new AwsCaller(match.Groups["key"].Value, match.Groups["region"].Value, baseUrl);
    }

    [GeneratedRegex(@"^AWS4-HMAC-SHA256\s+Credential=(?<key>[^/\s,]+)/\d{8}/(?<region>[^/]+)/")]
    private static partial Regex CredentialPattern();
}
