using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.StepFunctions;
using StepFunctionsCqrs.Functions.Catalog;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Infra.Configuration;

namespace StepFunctionsCqrs.Infra.Tests.Support;

/// <summary>The whole stack synthesized once, with the catalog and table names mapped to their logical ids.</summary>
public sealed class CommandPipelineStackFixture : IDisposable
{
    private readonly TemporaryPublishFolder _publish = new();

    public CommandPipelineStackFixture()
    {
        var settings = new DeploymentSettings(
            "StepFunctionsCqrs", _publish.Path, "dotnet10", RemovalPolicy.RETAIN, StateMachineType.STANDARD, IncludeHttpApi: true, RetentionDays.ONE_MONTH);
        Template = SynthesizedTemplate.Of(new CommandPipelineStack(new App(), settings));

        // Handlers are unique per catalog entry, so they identify each function in the template.
        FunctionIds = FunctionCatalog.All.ToDictionary(
            f => f.Name,
            f => Template.Resources("AWS::Lambda::Function").Single(r => (string?)r.Value["Properties"]!["Handler"] == f.LambdaHandler).Key);
        RoleIdsByFunction = FunctionIds.ToDictionary(
            f => f.Key,
            f => JsonReferences.TargetOf(Template.Resources("AWS::Lambda::Function")[f.Value]["Properties"]!["Role"])!);
        TableIds = Tables.All.ToDictionary(
            t => t.LogicalName,
            t => JsonReferences.TargetOf(Template.Outputs[StackOutputNames.TableName(t)]["Value"])!);
    }

    internal SynthesizedTemplate Template { get; }

    /// <summary>Catalog name → Lambda logical id.</summary>
    public IReadOnlyDictionary<string, string> FunctionIds { get; }

    /// <summary>Catalog name → the logical id of the function's role.</summary>
    public IReadOnlyDictionary<string, string> RoleIdsByFunction { get; }

    /// <summary>Table logical name → DynamoDB table logical id.</summary>
    public IReadOnlyDictionary<string, string> TableIds { get; }

    /// <summary>Every IAM policy statement in the template with the roles it is attached to and where it was found.</summary>
    public IEnumerable<(string Source, IReadOnlyList<string> Roles, JsonObject Statement)> PolicyStatements()
    {
        foreach (var (id, policy) in Template.Resources("AWS::IAM::Policy").Concat(Template.Resources("AWS::IAM::ManagedPolicy")))
        {
            var properties = policy["Properties"]!;
            var roles = JsonReferences.AsList(properties["Roles"]).Select(JsonReferences.TargetOf).OfType<string>().ToList();
            foreach (var statement in properties["PolicyDocument"]!["Statement"]!.AsArray())
            {
                yield return (id, roles, statement!.AsObject());
            }
        }

        foreach (var (id, role) in Template.Resources("AWS::IAM::Role"))
        {
            foreach (var inline in JsonReferences.AsList(role["Properties"]!["Policies"]))
            {
                foreach (var statement in inline!["PolicyDocument"]!["Statement"]!.AsArray())
                {
                    yield return (id, [id], statement!.AsObject());
                }
            }
        }
    }

    public void Dispose() => _publish.Dispose();
}
