using StepFunctionsCqrs.Functions.Authorization;
using StepFunctionsCqrs.Functions.Handlers;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.LocalCloud.Identity;

namespace StepFunctionsCqrs.LocalCloud.Lambda;

/// <summary>
/// The environment the functions read, as Lambda would set it: the edge as AWS_ENDPOINT_URL, region, credentials of
/// the functions' role, table names, the state machine and the sender roles. The handlers run in this process, so
/// these become this process's variables; the handlers contain nothing that knows they run locally.
/// </summary>
/// <param name="Edge">The edge, for every service the functions call.</param>
/// <param name="Region">The region.</param>
/// <param name="StateMachineArn">The command pipeline.</param>
/// <param name="Identities">The functions' own credentials, and the roles of senders and callers.</param>
/// <param name="DynamoDb">
/// DynamoDB itself, set as the SDK's service-specific endpoint: the edge's proxy exists for callers outside the host,
/// and the functions, which make most of the store's calls, would only pay an extra HTTP hop through it.
/// </param>
public sealed record FunctionEnvironment(Uri Edge, string Region, string StateMachineArn, LocalIdentities Identities, Uri? DynamoDb = null)
{
    /// <summary>Every variable and its value.</summary>
    public IReadOnlyDictionary<string, string> Variables
    {
        get
        {
            var variables = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["AWS_ENDPOINT_URL"] = Edge.ToString().TrimEnd('/'),
                ["AWS_REGION"] = Region,
                ["AWS_DEFAULT_REGION"] = Region,
                ["AWS_ACCESS_KEY_ID"] = Identities.Functions.AccessKey,
                ["AWS_SECRET_ACCESS_KEY"] = Identities.Functions.Secret,
                [DispatchHandler.StateMachineArnVariable] = StateMachineArn,
                [SenderRoles.EnvironmentVariable] = Identities.SenderRolesJson,
                [CallerRolesVariable.Name] = Identities.CallerRolesJson,
            };
            if (DynamoDb is not null)
            {
                variables["AWS_ENDPOINT_URL_DYNAMODB"] = DynamoDb.ToString().TrimEnd('/');
            }

            foreach (var table in Tables.All)
            {
                variables[table.EnvironmentVariable] = table.LogicalName;
            }

            return variables;
        }
    }

    /// <summary>Sets the variables on this process.</summary>
    public void Apply()
    {
        foreach (var (name, value) in Variables)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
