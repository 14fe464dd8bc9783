using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using StepFunctionsCqrs.Infra.Functions;

namespace StepFunctionsCqrs.Infra.Workflow;

/// <summary>
/// The command pipeline state machine, built from the ASL file with each <c>${...FunctionArn}</c> filled from the function catalog.
/// </summary>
/// <remarks>
/// Standard is the default because the design leans on it: the execution name is the command id, and Standard refuses a second
/// execution with the same name for 90 days, which makes a redelivered SQS message harmless; its event history stays
/// browsable in the console for 90 days, which is how a command is traced; and each state runs exactly once.
/// Express (<c>-c workflowType=express</c>) is cheaper and faster at high volume, but: execution names are not deduplicated,
/// so a redelivered message starts a second run and only the handlers' own idempotency protects the stores; there is no
/// execution history in the console or through GetExecutionHistory (only the CloudWatch Logs this construct turns on);
/// state transitions are at-least-once, so every task may run twice; and an execution may last five minutes at most,
/// shorter than this definition's own timeout.
/// </remarks>
public sealed class WorkflowConstruct : Construct
{
    /// <summary>Creates the state machine, its role and its log group.</summary>
    public WorkflowConstruct(Construct scope, string id, WorkflowProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        props.Validate();

        var referenced = ReferencedFunctions(props);

        // A fixed name makes execution ARNs predictable from the command id: arn:...:execution:<name>:<commandId>.
        var stateMachineName = $"{Stack.Of(this).StackName}-CommandPipeline";

        Role = new Role(this, "Role", new RoleProps
        {
            // Only this state machine, in this account, may have Step Functions assume the role. The ARN is built from the
            // name because referring to the state machine itself would make the role and the machine depend on each other.
            AssumedBy = new ServicePrincipal("states.amazonaws.com", new ServicePrincipalOpts
            {
                Conditions = new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Stack.Of(this).Account },
                    ["ArnLike"] = new Dictionary<string, object>
                    {
                        ["aws:SourceArn"] = Stack.Of(this).FormatArn(new ArnComponents
                        {
                            Service = "states",
                            Resource = "stateMachine",
                            ResourceName = stateMachineName,
                            ArnFormat = ArnFormat.COLON_RESOURCE_NAME,
                        }),
                    },
                },
            }),
            Description = "Runs the command pipeline; may invoke only the functions its definition names.",
        });
        foreach (var function in referenced.Values)
        {
            function.Function.GrantInvoke(Role);
        }

        LogGroup = new LogGroup(this, "ExecutionLogs", new LogGroupProps
        {
            // No fixed name: a retained log group outlives its stack, and a fixed name would make the next deploy of the
            // same stack fail on the name it still holds. The ExecutionLogGroupName output tells the CLI which one it is.
            Retention = props.LogRetention,
            RemovalPolicy = props.RemovalPolicy,
        });

        StateMachine = new StateMachine(this, "StateMachine", new StateMachineProps
        {
            StateMachineName = stateMachineName,
            StateMachineType = props.Type,
            DefinitionBody = DefinitionBody.FromString(props.DefinitionJson),
            DefinitionSubstitutions = referenced.ToDictionary(r => r.Key, r => r.Value.Function.FunctionArn),
            Role = Role,
            Logs = new LogOptions
            {
                Destination = LogGroup,
                // ERROR without data by default: failures are logged, while commands and the actors in them stay in
                // the execution history (90 days, IAM-guarded) rather than being copied into logs readable more widely.
                Level = props.LogLevel,
                IncludeExecutionData = props.IncludeExecutionData,
            },
            TracingEnabled = true,
        });
    }

    /// <summary>The command pipeline.</summary>
    public StateMachine StateMachine { get; }

    /// <summary>The role the state machine runs as.</summary>
    public IRole Role { get; }

    /// <summary>Where execution events are logged.</summary>
    public ILogGroup LogGroup { get; }

    private static Dictionary<string, DeployedFunction> ReferencedFunctions(WorkflowProps props)
    {
        var bySubstitution = new Dictionary<string, DeployedFunction>(StringComparer.Ordinal);
        foreach (var function in props.Functions.Where(f => f.Definition.AslSubstitution is not null))
        {
            if (!bySubstitution.TryAdd(function.Definition.AslSubstitution!, function))
            {
                throw new ArgumentException(
                    $"The substitution '{function.Definition.AslSubstitution}' is claimed by both "
                    + $"'{bySubstitution[function.Definition.AslSubstitution!].Definition.Name}' and '{function.Definition.Name}'.");
            }
        }

        var placeholders = DefinitionPlaceholders.In(props.DefinitionJson);
        var unfilled = placeholders.Where(p => !bySubstitution.ContainsKey(p)).ToList();
        if (unfilled.Count > 0)
        {
            throw new ArgumentException(
                $"The definition uses {string.Join(", ", unfilled.Select(p => "${" + p + "}"))}, which no catalog function provides.");
        }

        var unused = bySubstitution.Keys.Where(s => !placeholders.Contains(s, StringComparer.Ordinal)).ToList();
        if (unused.Count > 0)
        {
            throw new ArgumentException(
                $"The catalog provides {string.Join(", ", unused)}, which the definition never uses; remove the substitution or reference it.");
        }

        return bySubstitution;
    }
}
