using Amazon.CDK;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.StepFunctions;
using StepFunctionsCqrs.Infra.Functions;

namespace StepFunctionsCqrs.Infra.Workflow;

/// <summary>What the workflow construct builds the state machine from.</summary>
/// <param name="DefinitionJson">The ASL definition with <c>${...}</c> placeholders.</param>
/// <param name="Functions">Deployed functions; those with an <c>AslSubstitution</c> fill the placeholders.</param>
/// <param name="Type">Standard or Express; see <see cref="WorkflowConstruct"/> for the trade-offs.</param>
/// <param name="LogRetention">Retention of the execution log group.</param>
/// <param name="RemovalPolicy">What happens to the log group when the stack is deleted.</param>
public sealed record WorkflowProps(
    string DefinitionJson,
    IReadOnlyList<DeployedFunction> Functions,
    StateMachineType Type,
    RetentionDays LogRetention,
    RemovalPolicy RemovalPolicy)
{
    /// <summary>Which execution events are logged: ALL, ERROR (default), FATAL or OFF.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.ERROR;

    /// <summary>Whether logged events carry state inputs and outputs, which hold commands and the actors in them.</summary>
    public bool IncludeExecutionData { get; init; }

    /// <summary>Throws when the definition or the function list is missing.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(DefinitionJson);
        ArgumentNullException.ThrowIfNull(Functions);
        if (Functions.Count == 0)
        {
            throw new ArgumentException("The workflow needs the deployed functions to fill its definition.", nameof(Functions));
        }
    }
}
