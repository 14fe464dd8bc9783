using System.Text.Json;
using StepFunctionsCqrs.Functions.Contracts;

namespace StepFunctionsCqrs.Functions.Authorization;

/// <summary>Turns an authenticated API caller into the user it is and the roles it holds.</summary>
public static class CallerAuthority
{
    /// <summary>
    /// An IAM caller is the last path segment of its principal ARN (the IAM user's name, or an assumed role's session
    /// name; on the local cloud the principal is the access key itself) with the roles <paramref name="callerRoles"/>
    /// gives the principal; a JWT caller is its subject with the roles its groups claim lists.
    /// </summary>
    public static Authority Of(CallerContext caller, CallerRoles callerRoles)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(callerRoles);
        return caller.Scheme == CallerAttributes.JwtScheme
            ? new Authority(caller.Principal, Groups(caller.Groups), $"caller '{caller.Principal}'")
            : new Authority(UserOf(caller.Principal), callerRoles.Of(caller.Principal), $"caller '{caller.Principal}'");
    }

    private static string UserOf(string principal) =>
        principal.LastIndexOf('/') is var slash and >= 0 ? principal[(slash + 1)..] : principal;

    // API Gateway renders an array claim either as JSON text or, in HTTP API events, as "[a b]".
    private static HashSet<string> Groups(string? claim)
    {
        if (string.IsNullOrWhiteSpace(claim))
        {
            return [];
        }

        try
        {
            if (JsonSerializer.Deserialize<string[]>(claim) is { } array)
            {
                return array.Where(g => !string.IsNullOrEmpty(g)).ToHashSet(StringComparer.Ordinal);
            }
        }
        catch (JsonException)
        {
        }

        return claim.Trim().TrimStart('[').TrimEnd(']')
            .Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(g => g.Trim('"'))
            .ToHashSet(StringComparer.Ordinal);
    }
}
