using StepFunctionsCqrs.Functions.Authorization;
using StepFunctionsCqrs.Infra.Configuration;

namespace StepFunctionsCqrs.Infra.Api;

/// <summary>
/// The SQS-SendMessage integration's <c>MessageAttributes</c> parameter: the authenticated caller, taken from API Gateway's
/// context where the caller cannot write (never from headers or the body).
/// </summary>
/// <remarks>
/// The parameter is a JSON text into which API Gateway pastes each <c>${context…}</c> value as it is, without escaping.
/// The static parts come from constants, and the groups claim name is restricted to letters, digits and underscores, so
/// the deployment cannot inject anything. A value whose text holds a quote (an IAM user path, a JWT claim) would still
/// change the JSON; the principal is placed last so that, under last-one-wins parsing, an attribute injected through
/// the groups claim cannot replace it. The README's threat model says what this leaves open.
/// </remarks>
public static class CallerMessageAttributes
{
    /// <summary>The principal of a SigV4-signed caller: its IAM ARN.</summary>
    public const string IamPrincipal = "${context.identity.userArn}";

    /// <summary>The principal of a JWT caller: the token's subject.</summary>
    public const string JwtPrincipal = "${context.authorizer.claims.sub}";

    /// <summary>The mapping for a scheme; <paramref name="groupsClaim"/> is used only for JWT callers.</summary>
    public static string For(ApiAuthScheme scheme, string groupsClaim)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupsClaim);
        if (!groupsClaim.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"The groups claim '{groupsClaim}' may hold only letters, digits and underscores.", nameof(groupsClaim));
        }

        return scheme switch
        {
            ApiAuthScheme.Iam => "{"
                + Attribute(CallerAttributes.Scheme, CallerAttributes.IamScheme) + ","
                + Attribute(CallerAttributes.Principal, IamPrincipal) + "}",
            ApiAuthScheme.Jwt => "{"
                + Attribute(CallerAttributes.Scheme, CallerAttributes.JwtScheme) + ","
                + Attribute(CallerAttributes.Groups, CallerAttributes.GroupsPrefix + "${context.authorizer.claims." + groupsClaim + "}") + ","
                + Attribute(CallerAttributes.Principal, JwtPrincipal) + "}",
            _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Unknown API authentication scheme."),
        };
    }

    private static string Attribute(string name, string value) => $"\"{name}\":{{\"DataType\":\"String\",\"StringValue\":\"{value}\"}}";
}
