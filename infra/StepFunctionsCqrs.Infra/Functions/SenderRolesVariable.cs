using Amazon.CDK;
using StepFunctionsCqrs.Functions.Authorization;

namespace StepFunctionsCqrs.Infra.Functions;

/// <summary>Builds the value of Validate's <see cref="SenderRoles.EnvironmentVariable"/> at deploy time.</summary>
public static class SenderRolesVariable
{
    /// <summary>
    /// The configured senders plus, when there is one, the API's role as the command API. The role id is a token
    /// resolved by CloudFormation, so the JSON is joined around it rather than serialized.
    /// </summary>
    public static string Compose(string? commandApiRoleId, string configuredJson)
    {
        var configured = configuredJson.Trim();
        if (commandApiRoleId is null)
        {
            return configured;
        }

        var others = configured.TrimStart('{').TrimEnd('}').Trim();
        return Fn.Join("", [
            "{\"", commandApiRoleId, $"\":[\"{Roles.CommandApi}\"]", others.Length > 0 ? "," + others : "", "}",
        ]);
    }
}
