using System.Text.Json;
using StepFunctionsCqrs.Functions.Authorization;
using StepFunctionsCqrs.Functions.Contracts;
using StepFunctionsCqrs.Functions.Http;

namespace StepFunctionsCqrs.Functions.Queries;

/// <summary>Who is asking the read API, as the route's authorizer established it; never from headers or the path.</summary>
public sealed class ApiCaller(CallerRoles callerRoles, string jwtGroupsClaim)
{
    /// <summary>The groups claim of JWTs when none is configured.</summary>
    public const string DefaultGroupsClaim = "groups";

    /// <summary>Configured from <see cref="CallerRolesVariable.Name"/> and <see cref="CallerRolesVariable.JwtGroupsClaim"/>.</summary>
    public static ApiCaller FromEnvironment() => new(
        CallerRoles.FromEnvironment(),
        Environment.GetEnvironmentVariable(CallerRolesVariable.JwtGroupsClaim) is { Length: > 0 } claim ? claim : DefaultGroupsClaim);

    /// <summary>The caller's authority, or null when the request carries no authenticated caller it can tell.</summary>
    public Authority? Of(HttpApiRequest request)
    {
        var authorizer = request.RequestContext?.Authorizer;
        if (authorizer?.Iam?.UserArn is { Length: > 0 } userArn)
        {
            return CallerAuthority.Of(new CallerContext(userArn, CallerAttributes.IamScheme, null), callerRoles);
        }

        if (authorizer?.Jwt?.Claims is { } claims && Text(claims, "sub") is { Length: > 0 } subject)
        {
            return CallerAuthority.Of(new CallerContext(subject, CallerAttributes.JwtScheme, Text(claims, jwtGroupsClaim)), callerRoles);
        }

        return null;
    }

    private static string? Text(IReadOnlyDictionary<string, JsonElement> claims, string name) =>
        claims.TryGetValue(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
}
