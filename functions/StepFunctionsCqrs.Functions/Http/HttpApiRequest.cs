namespace StepFunctionsCqrs.Functions.Http;

/// <summary>The API Gateway HTTP API (payload format 2.0) proxy event, as far as the read API uses it.</summary>
public sealed record HttpApiRequest(
    string? RawPath,
    IReadOnlyDictionary<string, string>? QueryStringParameters,
    IReadOnlyDictionary<string, string>? PathParameters,
    HttpApiRequestContext? RequestContext);

/// <summary>The request context of an HTTP API event.</summary>
public sealed record HttpApiRequestContext(HttpApiRequestHttp? Http, string? Stage);

/// <summary>The HTTP facts of an HTTP API event.</summary>
public sealed record HttpApiRequestHttp(string? Method, string? Path);
