using System.Text.Json;
using System.Text.RegularExpressions;
using StepFunctionsCqrs.Functions.Commands;
using StepFunctionsCqrs.Functions.Contracts;

namespace StepFunctionsCqrs.Functions.Authorization;

/// <summary>Turns an authenticated API caller into the user it is and the roles it holds.</summary>
public static partial class CallerAuthority
{
    /// <summary>
    /// An IAM user is its user name (the last segment of <c>arn:aws:iam::&lt;account&gt;:user/&lt;path&gt;/&lt;name&gt;</c>,
    /// unique within the account, and an HTTP API takes IAM callers from its own account only); on the local cloud the
    /// principal is an access key, which is the user. Any other principal (an assumed role, a federated user) is its
    /// whole ARN, which no actor id can equal: its session name is chosen by whoever assumes the role, so it names no
    /// one, and such a caller may act only through an admin role in <paramref name="callerRoles"/>. A JWT caller is its
    /// subject, holding the roles its groups claim lists. Null when the scheme is neither.
    /// </summary>
    public static Authority? Of(CallerContext caller, CallerRoles callerRoles)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(callerRoles);
        return caller.Scheme switch
        {
            CallerAttributes.JwtScheme => new Authority(caller.Principal, Groups(caller.Groups), $"caller {QuotedValue.Of(caller.Principal)}"),
            CallerAttributes.IamScheme => new Authority(UserOf(caller.Principal), callerRoles.Of(caller.Principal), $"caller {QuotedValue.Of(UserOf(caller.Principal))}"),
            _ => null,
        };
    }

    private static string UserOf(string principal)
    {
        if (!principal.StartsWith("arn:", StringComparison.Ordinal))
        {
            return principal;
        }

        var resource = principal.Split(':', 6) is { Length: 6 } parts ? parts[5] : "";
        return resource.StartsWith("user/", StringComparison.Ordinal) && resource.LastIndexOf('/') is var slash && slash < resource.Length - 1
            ? resource[(slash + 1)..]
            : principal;
    }

    // API Gateway renders an array claim as JSON text or, in HTTP API events, as "[a b]"; a plain string is one group.
    // Anything else grants nothing, and so does a name outside the role-name characters.
    private static HashSet<string> Groups(string? claim)
    {
        if (string.IsNullOrWhiteSpace(claim))
        {
            return [];
        }

        IEnumerable<string> names;
        try
        {
            names = JsonSerializer.Deserialize<string[]>(claim) ?? [];
        }
        catch (JsonException)
        {
            names = claim.StartsWith('[') && claim.EndsWith(']')
                ? claim[1..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                : [claim];
        }

        return names.Where(Roles.IsName).ToHashSet(StringComparer.Ordinal);
    }
}
