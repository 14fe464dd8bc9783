using Microsoft.Extensions.Logging;
using StepFunctionsCqrs.Domain.Outcomes;
using StepFunctionsCqrs.Functions.Authorization;
using StepFunctionsCqrs.Functions.Commands;
using StepFunctionsCqrs.Functions.Contracts;
using StepFunctionsCqrs.Functions.Json;
using StepFunctionsCqrs.Functions.Logging;

namespace StepFunctionsCqrs.Functions.Handlers;

/// <summary>Lambda entry point for the Validate function: envelope schema and authorization of its sender or API caller, no state.</summary>
public sealed class ValidateHandler
{
    private readonly CommandAuthorizer authorizer;
    private readonly ILogger log;

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

    /// <summary>Uses the given sender and caller role mappings, logging to <paramref name="loggers"/> (the process's by default).</summary>
    public ValidateHandler(SenderRoles senderRoles, CallerRoles callerRoles, ILoggerFactory? loggers = null)
    {
        authorizer = new CommandAuthorizer(senderRoles, callerRoles);
        log = (loggers ?? HandlerLogging.Factory).CreateLogger<ValidateHandler>();
    }

    /// <summary>Lambda calls this with the raw event and returns the raw response.</summary>
    public async Task<Stream> Handle(Stream input)
    {
        var request = await HandlerJson.ReadAsync<ValidateRequest>(input).ConfigureAwait(false);
        return await InvocationLog.RunAsync(log, InvocationLog.CommandScope("Validate", request.Command, request.ExecutionId), () =>
        {
            var reading = EnvelopeReader.Read(request.Command);
            var reasons = (reading.Envelope, request.Sqs) switch
            {
                (null, _) => reading.Reasons,
                (_, null) => [new Reason(ReasonCodes.MissingField, "The execution input has no 'sqs' facts, so the sender cannot be authorized.", "sqs")],
                var (envelope, sqs) => authorizer.Check(envelope, sqs),
            };
            var response = HandlerJson.Write(new ValidateResult(reasons.Count == 0, reasons.Count == 0 ? null : new Rejection(reasons)));
            return Task.FromResult(reasons.Count == 0
                ? new InvocationResult(response, "Valid")
                : new InvocationResult(response, "Rejected", new Dictionary<string, object?> { ["reasonCodes"] = string.Join(",", reasons.Select(r => r.Code).Distinct()) }));
        }, request.Sqs?.TraceParent).ConfigureAwait(false);
    }
}
