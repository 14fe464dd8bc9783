using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace StepFunctionsCqrs.Functions.Tests.StepFunctions;

/// <summary>Recomputes a SigV4 signature from what the server received, independently of the SDK that produced it.</summary>
public static partial class SigV4Verifier
{
    /// <summary>The parts of an Authorization header.</summary>
    public sealed record Authorization(string AccessKey, string Date, string Region, string Service, string[] SignedHeaders, string Signature);

    /// <summary>Parses <c>AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...</c>.</summary>
    public static Authorization Parse(string header)
    {
        var match = AuthorizationPattern().Match(header);
        Assert.True(match.Success, $"Authorization header '{header}' is not SigV4.");
        return new Authorization(
            match.Groups["key"].Value, match.Groups["date"].Value, match.Groups["region"].Value, match.Groups["service"].Value,
            match.Groups["headers"].Value.Split(';'), match.Groups["signature"].Value);
    }

    /// <summary>The signature the request should carry when signed with <paramref name="secretKey"/>.</summary>
    public static string ExpectedSignature(RecordedRequest request, string secretKey)
    {
        var auth = Parse(request.Header("Authorization")!);
        var canonicalHeaders = string.Concat(auth.SignedHeaders.Select(h => $"{h}:{request.Header(h)!.Trim()}\n"));
        var canonicalRequest = string.Join('\n',
            request.Method, request.RawUrl.Split('?')[0], string.Empty, canonicalHeaders, string.Join(';', auth.SignedHeaders), Hex(SHA256.HashData(request.Body)));
        var scope = $"{auth.Date}/{auth.Region}/{auth.Service}/aws4_request";
        var stringToSign = string.Join('\n',
            "AWS4-HMAC-SHA256", request.Header("X-Amz-Date"), scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (var part in new[] { auth.Date, auth.Region, auth.Service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request,\s*SignedHeaders=(?<headers>[a-z0-9;\-]+),\s*Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();
}
