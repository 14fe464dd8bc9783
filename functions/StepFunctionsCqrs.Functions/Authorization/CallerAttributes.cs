namespace StepFunctionsCqrs.Functions.Authorization;

/// <summary>
/// The SQS message attributes through which the command API names the authenticated caller of <c>POST /commands</c>.
/// The API sets them itself, where the caller cannot write, so they are trusted only on messages whose SenderId holds
/// the <see cref="Roles.CommandApi"/> role; on any other sender's message they are ignored.
/// </summary>
public static class CallerAttributes
{
    /// <summary>Who called: the IAM principal ARN on AWS (the access key on the local cloud), or a JWT's subject.</summary>
    public const string Principal = "caller-principal";

    /// <summary>How the caller was authenticated: <see cref="IamScheme"/> or <see cref="JwtScheme"/>.</summary>
    public const string Scheme = "caller-scheme";

    /// <summary>
    /// A JWT caller's groups claim as API Gateway renders it (a JSON array, or <c>[a b]</c>) after <see cref="GroupsPrefix"/>;
    /// absent for IAM callers.
    /// </summary>
    public const string Groups = "caller-groups";

    /// <summary>
    /// Written before the groups claim by the command API's mapping: SQS refuses an empty attribute value, and a token
    /// without the claim renders as nothing, so without it such a caller could not post at all.
    /// </summary>
    public const string GroupsPrefix = "groups:";

    /// <summary>
    /// Set by <c>cqrs dlq redrive</c>: the SenderId the message had when it was first sent, so a redriven message is
    /// authorized as its first sender and never with the operator's authority.
    /// </summary>
    public const string OriginalSender = "redrive-original-sender";

    /// <summary>A SigV4-signed caller, named by its IAM principal.</summary>
    public const string IamScheme = "iam";

    /// <summary>A caller holding a JWT the API's authorizer verified.</summary>
    public const string JwtScheme = "jwt";
}
