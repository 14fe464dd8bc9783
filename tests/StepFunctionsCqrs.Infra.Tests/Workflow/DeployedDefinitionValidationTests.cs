using StepFunctionsCqrs.Asl;
using StepFunctionsCqrs.Infra.Tests.Support;

namespace StepFunctionsCqrs.Infra.Tests.Workflow;

public sealed class DeployedDefinitionValidationTests(CommandPipelineStackFixture stack) : IClassFixture<CommandPipelineStackFixture>
{
    [Fact]
    public void The_definition_as_deployed_passes_the_asl_engines_validator()
    {
        var properties = stack.Template.SingleProperties("AWS::StepFunctions::StateMachine");
        // Stand in for CloudFormation: each substitution becomes a Lambda ARN shaped like the one AWS will resolve.
        var values = properties["DefinitionSubstitutions"]!.AsObject().ToDictionary(
            s => s.Key,
            s => $"arn:aws:lambda:eu-west-1:123456789012:function:{JsonReferences.TargetOf(s.Value)}");

        var deployed = DefinitionSubstitutions.Apply((string)properties["DefinitionString"]!, values);
        var diagnostics = StateMachineValidator.Validate(deployed);

        Assert.DoesNotContain("${", deployed, StringComparison.Ordinal);
        Assert.True(diagnostics.Count == 0, string.Join('\n', diagnostics));
    }
}
