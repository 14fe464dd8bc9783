using StepFunctionsCqrs.Functions.Authorization;
using StepFunctionsCqrs.Functions.Handlers;
using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.LocalCloud.Lambda;

/// <summary>
/// The environment the functions read, as Lambda would set it: the edge as AWS_ENDPOINT_URL, region, credentials of
/// the functions' role, table names, the state machine and the sender roles. The handlers run in this process, so
/// these become this process's variables; the handlers contain nothing that knows they run locally.
/// </summary>
public sealed record FunctionEnvironment(Uri Edge, string Region, string StateMachineArn)
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
                ["AWS_ACCESS_KEY_ID"] = LocalIdentities.FunctionsAccessKey,
                ["AWS_SECRET_ACCESS_KEY"] = LocalIdentities.Secret,
                [DispatchHandler.StateMachineArnVariable] = StateMachineArn,
                [SenderRoles.EnvironmentVariable] = LocalIdentities.SenderRolesJson,
            };
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
