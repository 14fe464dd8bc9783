namespace StepFunctionsCqrs.LocalCloud.Edge;

/// <summary>What a SigV4 signature covers of a request.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="RawPath">The path as sent, still percent-encoded.</param>
/// <param name="RawQuery">The query string as sent, without the '?'.</param>
/// <param name="Header">The value of a header by its name (values of a repeated header joined by commas), or null.</param>
/// <param name="Body">The body.</param>
public sealed record SignedRequest(string Method, string RawPath, string RawQuery, Func<string, string?> Header, ReadOnlyMemory<byte> Body);
