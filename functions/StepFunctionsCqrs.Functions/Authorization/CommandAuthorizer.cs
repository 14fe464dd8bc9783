using StepFunctionsCqrs.Domain.Actors;
using StepFunctionsCqrs.Domain.Outcomes;
using StepFunctionsCqrs.Functions.Commands;
using StepFunctionsCqrs.Functions.Contracts;

namespace StepFunctionsCqrs.Functions.Authorization;

/// <summary>Decides whether a message may issue its command for the actor its body names.</summary>
/// <remarks>
/// The authority comes from who sent the message, never from the body: a direct SQS sender speaks with the roles its
/// SenderId is configured with; the command API speaks with the authority of the caller it authenticated and named in
/// the message's attributes. The body's actor must be that user, claiming only roles that authority holds, unless the
/// authority is an admin.
/// </remarks>
public sealed class CommandAuthorizer(SenderRoles senderRoles, CallerRoles callerRoles)
{
    /// <summary>Authorizes with sender roles only: no API caller holds a role.</summary>
    public CommandAuthorizer(SenderRoles senderRoles)
        : this(senderRoles, CallerRoles.Empty)
    {
    }

    /// <summary>Every authorization problem; empty when the message may issue the command.</summary>
    public IReadOnlyList<Reason> Check(CommandEnvelope envelope, SqsContext sqs)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(sqs);
        if (AuthorityOf(sqs, out var problem) is not { } authority)
        {
            return [problem!];
        }

        var reasons = new List<Reason>();
        if (!authority.IsAdmin)
        {
            if (envelope.Actor.UserId != authority.UserId)
            {
                reasons.Add(new Reason(ReasonCodes.CannotActForOthers,
                    $"The {authority.Source} may act only as {QuotedValue.Of(authority.UserId)}, not for {QuotedValue.Of(envelope.Actor.UserId)}; acting for others needs the {Roles.Admin} role.",
                    "actor.userId"));
            }

            foreach (var role in envelope.Actor.Roles.Where(r => !authority.Roles.Contains(r)))
            {
                reasons.Add(new Reason(ReasonCodes.RoleNotGranted, $"The {authority.Source} was not granted role {QuotedValue.Of(role)} that its actor claims.", "actor.roles"));
            }
        }

        if (envelope.Type == CommandTypes.RegisterHotel && !envelope.Actor.Roles.Contains(Roles.Admin))
        {
            reasons.Add(new Reason(ReasonCodes.NotAdmin, $"Only an admin may register a hotel; actor '{envelope.Actor.UserId}' lacks the {Roles.Admin} role.", "actor.roles"));
        }

        return reasons;
    }

    /// <summary>The domain's view of an authorized actor.</summary>
    public static Actor ActorOf(CommandEnvelope envelope) => new(envelope.Actor.UserId, envelope.Actor.Roles.Contains(Roles.Admin));

    private Authority? AuthorityOf(SqsContext sqs, out Reason? problem)
    {
        problem = null;

        // Redrive re-sends a dead letter under the operator's identity; only an admin, who may act for anyone anyway,
        // can ask for the message to be judged as its first sender sent it, so redrive never adds authority.
        var senderId = sqs.OriginalSender is { Length: > 0 } original && senderRoles.Of(sqs.SenderId)?.Contains(Roles.Admin) == true
            ? original
            : sqs.SenderId;
        if (senderRoles.Of(senderId) is not { } granted)
        {
            problem = new Reason(ReasonCodes.UnknownSender, $"SQS sender {QuotedValue.Of(senderId)} has no roles configured, so it may not issue commands.", "sqs.senderId");
            return null;
        }

        if (!granted.Contains(Roles.CommandApi))
        {
            return new Authority(senderId, granted, $"sender {QuotedValue.Of(senderId)}");
        }

        if (sqs.Caller is not { Principal.Length: > 0 } caller)
        {
            problem = new Reason(ReasonCodes.UnknownCaller,
                $"The message came from the command API ({QuotedValue.Of(senderId)}) without the '{CallerAttributes.Principal}' attribute naming its authenticated caller, so no one is known to act.",
                "sqs.caller");
            return null;
        }

        if (CallerAuthority.Of(caller, callerRoles) is not { } authority)
        {
            problem = new Reason(ReasonCodes.UnknownCaller,
                $"The command API named its caller with the scheme {QuotedValue.Of(caller.Scheme)}; only '{CallerAttributes.IamScheme}' and '{CallerAttributes.JwtScheme}' are known.",
                "sqs.caller");
            return null;
        }

        return authority;
    }
}
