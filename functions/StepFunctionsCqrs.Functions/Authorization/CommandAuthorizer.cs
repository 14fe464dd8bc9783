using StepFunctionsCqrs.Domain.Actors;
using StepFunctionsCqrs.Domain.Outcomes;
using StepFunctionsCqrs.Functions.Commands;

namespace StepFunctionsCqrs.Functions.Authorization;

/// <summary>Decides whether an SQS sender may issue a command for its actor.</summary>
public sealed class CommandAuthorizer(SenderRoles senderRoles)
{
    /// <summary>Every authorization problem; empty when the sender may issue the command.</summary>
    public IReadOnlyList<Reason> Check(CommandEnvelope envelope, string senderId)
    {
        if (senderRoles.Of(senderId) is not { } granted)
        {
            return [new Reason(ReasonCodes.UnknownSender, $"SQS sender '{senderId}' has no roles configured, so it may not issue commands.", "sqs.senderId")];
        }

        var reasons = new List<Reason>();
        if (!granted.Contains(Roles.CommandApi))
        {
            // Without the command-API role a sender speaks only for itself, with at most the roles it was granted.
            if (envelope.Actor.UserId != senderId)
            {
                reasons.Add(new Reason(ReasonCodes.CannotActForOthers,
                    $"Sender '{senderId}' may only act for itself, not for '{envelope.Actor.UserId}'; acting for others needs the {Roles.CommandApi} role.", "actor.userId"));
            }

            foreach (var role in envelope.Actor.Roles.Where(r => !granted.Contains(r)))
            {
                reasons.Add(new Reason(ReasonCodes.RoleNotGranted, $"Sender '{senderId}' was not granted role '{role}' that its actor claims.", "actor.roles"));
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
}
