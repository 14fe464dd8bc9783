using StepFunctionsCqrs.Domain.Outcomes;
using StepFunctionsCqrs.Functions.Authorization;
using StepFunctionsCqrs.Functions.Commands;
using StepFunctionsCqrs.Functions.Contracts;
using StepFunctionsCqrs.Functions.Json;

namespace StepFunctionsCqrs.Functions.Handlers;

/// <summary>Lambda entry point for the Validate function: envelope schema and authorization of its sender or API caller, no state.</summary>
public sealed class ValidateHandler
{
    private readonly CommandAuthorizer authorizer;

    /// <summary>Configured from the environment: <see cref="SenderRoles.EnvironmentVariable"/> and <see cref="CallerRolesVariable.Name"/>.</summary>
    public ValidateHandler()
        : this(SenderRoles.FromEnvironment(), CallerRoles.FromEnvironment())
    {
    }

    /// <summary>Uses the given sender-to-roles mapping; no API caller holds a role.</summary>
    public ValidateHandler(SenderRoles senderRoles)
        : this(senderRoles, CallerRoles.Empty)
    {
    }

    /// <summary>Uses the given sender and caller role mappings.</summary>
    public ValidateHandler(SenderRoles senderRoles, CallerRoles callerRoles) => authorizer = new CommandAuthorizer(senderRoles, callerRoles);

    /// <summary>Lambda calls this with the raw event and returns the raw response.</summary>
    public async Task<Stream> Handle(Stream input)
    {
        var request = await HandlerJson.ReadAsync<ValidateRequest>(input).ConfigureAwait(false);
        var reading = EnvelopeReader.Read(request.Command);
        var reasons = (reading.Envelope, request.Sqs) switch
        {
            (null, _) => reading.Reasons,
            (_, null) => [new Reason(ReasonCodes.MissingField, "The execution input has no 'sqs' facts, so the sender cannot be authorized.", "sqs")],
            var (envelope, sqs) => authorizer.Check(envelope, sqs),
        };
        return HandlerJson.Write(new ValidateResult(reasons.Count == 0, reasons.Count == 0 ? null : new Rejection(reasons)));
    }
}
