using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace StepFunctionsCqrs.LocalCloud.Edge;

/// <summary>
/// Checks AWS Signature Version 4 in the Authorization header: the canonical request is rebuilt from what arrived, and
/// the signature the secret of the named key makes of it must equal the one sent. A key with no known secret is
/// accepted unchecked (as an emulator does) and gains nothing by it: it is served as a caller of its own.
/// </summary>
public sealed partial class SigV4Verifier(Func<string, string?> secretOf, TimeProvider clock)
{
    /// <summary>How far a request's X-Amz-Date may be from the edge's clock, as on AWS.</summary>
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    private const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Checks one request.</summary>
    public SignatureVerdict Verify(SignedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authorization = request.Header("authorization");
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return SignatureVerdict.Refused(SignatureFaults.MissingAuthenticationToken,
                "Request is missing Authentication Token: sign it with AWS Signature Version 4 (any AWS SDK does).");
        }

        var parts = AuthorizationPattern().Match(authorization.Trim());
        if (!parts.Success)
        {
            return SignatureVerdict.Refused(SignatureFaults.IncompleteSignature,
                $"Authorization header requires '{Algorithm} Credential=<key>/<date>/<region>/<service>/aws4_request, SignedHeaders=<names>, Signature=<hex>'.");
        }

        var accessKey = parts.Groups["key"].Value;
        if (!IsAccessKey(accessKey))
        {
            return SignatureVerdict.Refused(SignatureFaults.InvalidClientTokenId,
                "The security token included in the request is invalid: an access key id is 1 to 128 letters, digits, '_', '.' or '-'.");
        }

        var amzDate = request.Header("x-amz-date");
        if (amzDate is null || !DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return SignatureVerdict.Refused(SignatureFaults.IncompleteSignature, "The request must carry X-Amz-Date as yyyyMMddTHHmmssZ.");
        }

        var now = clock.GetUtcNow();
        if ((now - signedAt).Duration() > AllowedSkew)
        {
            return SignatureVerdict.Refused(SignatureFaults.RequestTimeTooSkewed,
                $"Signature not yet current or expired: the request time {amzDate} is more than {AllowedSkew.TotalMinutes} minutes from the server time {now:yyyyMMdd'T'HHmmss'Z'}.");
        }

        var date = parts.Groups["date"].Value;
        if (date != amzDate[..8])
        {
            return SignatureVerdict.Refused(SignatureFaults.SignatureDoesNotMatch,
                $"Credential should be scoped to a valid date: '{date}' is not the date of X-Amz-Date '{amzDate}'.");
        }

        var signedHeaders = parts.Groups["headers"].Value.Split(';');
        if (!signedHeaders.Contains("host"))
        {
            return SignatureVerdict.Refused(SignatureFaults.IncompleteSignature, "The Host header must be signed.");
        }

        var service = parts.Groups["service"].Value;
        var secret = secretOf(accessKey);
        if (secret is null)
        {
            return new SignatureVerdict(accessKey, service, Known: false, null);
        }

        var scope = $"{date}/{parts.Groups["region"].Value}/{service}/aws4_request";
        var canonical = CanonicalRequest(request, signedHeaders);
        if (canonical is null)
        {
            return SignatureVerdict.Refused(SignatureFaults.IncompleteSignature, "A header named in SignedHeaders is not in the request.");
        }

        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secret), date);
        key = Hmac(key, parts.Groups["region"].Value);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var expected = Encoding.ASCII.GetBytes(Hex(Hmac(key, stringToSign)));
        var sent = Encoding.ASCII.GetBytes(parts.Groups["signature"].Value);
        return CryptographicOperations.FixedTimeEquals(expected, sent)
            ? new SignatureVerdict(accessKey, service, Known: true, null)
            : SignatureVerdict.Refused(SignatureFaults.SignatureDoesNotMatch,
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.");
    }

    /// <summary>Whether <paramref name="accessKey"/> can be an access key id: 1 to 128 letters, digits, '_', '.' or '-'.</summary>
    public static bool IsAccessKey(string accessKey) => AccessKeyPattern().IsMatch(accessKey);

    private static string? CanonicalRequest(SignedRequest request, string[] signedHeaders)
    {
        var builder = new StringBuilder()
            .Append(request.Method).Append('\n')
            .Append(CanonicalPath(request.RawPath)).Append('\n')
            .Append(CanonicalQuery(request.RawQuery)).Append('\n');
        foreach (var name in signedHeaders)
        {
            if (request.Header(name) is not { } value)
            {
                return null;
            }

            builder.Append(name).Append(':').Append(Spaces().Replace(value.Trim(), " ")).Append('\n');
        }

        return builder.Append('\n')
            .Append(string.Join(';', signedHeaders)).Append('\n')
            .Append(Hex(SHA256.HashData(request.Body.Span)))
            .ToString();
    }

    // Services other than S3 sign the path encoded once more than it travels: each segment of the encoded path is
    // encoded again.
    private static string CanonicalPath(string rawPath) =>
        rawPath.Length == 0 ? "/" : string.Join('/', rawPath.Split('/').Select(Encode));

    private static string CanonicalQuery(string rawQuery) =>
        string.Join('&', rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Key: Encode(Uri.UnescapeDataString(pair[0])), Value: Encode(Uri.UnescapeDataString(pair.Length > 1 ? pair[1] : ""))))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ThenBy(pair => pair.Value, StringComparer.Ordinal)
            .Select(pair => $"{pair.Key}={pair.Value}"));

    private static string Encode(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    [GeneratedRegex(@"\AAWS4-HMAC-SHA256\s+Credential=(?<key>[^/\s,]+)/(?<date>\d{8})/(?<region>[^/\s,]+)/(?<service>[^/\s,]+)/aws4_request\s*,\s*SignedHeaders=(?<headers>[a-z0-9\-;]+)\s*,\s*Signature=(?<signature>[0-9a-f]{64})\z")]
    private static partial Regex AuthorizationPattern();

    [GeneratedRegex(@"\A[A-Za-z0-9_.\-]{1,128}\z")]
    private static partial Regex AccessKeyPattern();

    [GeneratedRegex(" +")]
    private static partial Regex Spaces();
}
