using System.Text.Json;

namespace StepFunctionsCqrs.Functions.Http;

/// <summary>The API Gateway HTTP API (payload format 2.0) proxy event, as far as the read API uses it.</summary>
public sealed record HttpApiRequest(
    string? RawPath,
    IReadOnlyDictionary<string, string>? QueryStringParameters,
    IReadOnlyDictionary<string, string>? PathParameters,
    HttpApiRequestContext? RequestContext);

/// <summary>The request context of an HTTP API event.</summary>
public sealed record HttpApiRequestContext(HttpApiRequestHttp? Http, string? Stage, HttpApiAuthorizer? Authorizer = null);

/// <summary>The HTTP facts of an HTTP API event.</summary>
public sealed record HttpApiRequestHttp(string? Method, string? Path);

/// <summary>What the route's authorizer established about the caller: an IAM principal or a JWT's claims.</summary>
public sealed record HttpApiAuthorizer(HttpApiIamIdentity? Iam, HttpApiJwt? Jwt);

/// <summary>The SigV4 signer of an IAM-authorized request.</summary>
public sealed record HttpApiIamIdentity(string? UserArn, string? AccessKey);

/// <summary>A verified JWT; claim values are strings, or JSON for arrays and objects.</summary>
public sealed record HttpApiJwt(IReadOnlyDictionary<string, JsonElement>? Claims);
