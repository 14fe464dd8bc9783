namespace StepFunctionsCqrs.Functions.Authorization;

/// <summary>Where Validate and Query find the roles of API callers.</summary>
public static class CallerRolesVariable
{
    /// <summary>
    /// JSON object of caller principal to roles, e.g. <c>{"arn:aws:iam::123456789012:user/ops": ["admin"]}</c>; a
    /// principal not listed is a caller with no roles, who may act only as themself.
    /// </summary>
    public const string Name = "CALLER_ROLES";

    /// <summary>The name of the JWT claim holding the caller's groups, when the API uses a JWT authorizer.</summary>
    public const string JwtGroupsClaim = "JWT_GROUPS_CLAIM";
}
