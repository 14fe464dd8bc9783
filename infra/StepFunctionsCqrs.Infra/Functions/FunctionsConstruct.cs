using StepFunctionsCqrs.Functions.Metrics;
using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;
using StepFunctionsCqrs.Functions.Catalog;

namespace StepFunctionsCqrs.Infra.Functions;

/// <summary>One Lambda per catalog entry, each with its own role, log group and the table grants its catalog entry names, nothing more.</summary>
public sealed class FunctionsConstruct : Construct
{
    private readonly Dictionary<string, DeployedFunction> _functions = new(StringComparer.Ordinal);

    /// <summary>Creates the functions.</summary>
    public FunctionsConstruct(Construct scope, string id, FunctionsProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        props.Validate();

        var codePath = PublishedFunctionsFolder.Verify(props.CodePath, props.Catalog);
        var code = Code.FromAsset(codePath);
        var runtime = new Runtime(props.RuntimeName, RuntimeFamily.DOTNET_CORE);

        foreach (var definition in props.Catalog)
        {
            _functions[definition.Name] = Create(definition, props, code, runtime);
        }
    }

    /// <summary>Every deployed function, in catalog order.</summary>
    public IReadOnlyList<DeployedFunction> All => [.. _functions.Values];

    /// <summary>The deployed function for a catalog entry.</summary>
    public DeployedFunction For(FunctionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return _functions.TryGetValue(definition.Name, out var function)
            ? function
            : throw new KeyNotFoundException($"No function named '{definition.Name}' was created by this functions construct.");
    }

    private DeployedFunction Create(FunctionDefinition definition, FunctionsProps props, Code code, Runtime runtime)
    {
        // A role per function instead of the shared basic-execution managed policy: logs:* on every log group is broader than one function needs.
        var role = new Role(this, $"{definition.Name}Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = $"Runs the {definition.Name} function.",
        });

        var logGroup = new LogGroup(this, $"{definition.Name}Logs", new LogGroupProps
        {
            Retention = props.LogRetention,
            RemovalPolicy = props.RemovalPolicy,
        });
        logGroup.GrantWrite(role);

        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["FUNCTION_LOGICAL_NAME"] = definition.Name,
            // The handlers' own metrics reach CloudWatch as embedded metric format lines in the function's log group.
            [EmbeddedMetricFormat.NamespaceVariable] = EmbeddedMetricFormat.DefaultNamespace,
        };
        foreach (var table in definition.Reads.Concat(definition.Writes).DistinctBy(t => t.LogicalName))
        {
            environment[table.EnvironmentVariable] = props.Tables[table.LogicalName].TableName;
        }

        var function = new Function(this, definition.Name, new FunctionProps
        {
            Description = $"{definition.Name} ({definition.HandlerType.Name})",
            Runtime = runtime,
            Architecture = Architecture.ARM_64,
            Handler = definition.LambdaHandler,
            Code = code,
            MemorySize = definition.MemoryMb,
            Timeout = Duration.Seconds(definition.TimeoutSeconds),
            Role = role,
            LogGroup = logGroup,
            Tracing = Tracing.ACTIVE,
            Environment = environment,
            ReservedConcurrentExecutions = props.ReservedConcurrency.TryGetValue(definition.Name, out var reserved) ? reserved : null,
        });

        foreach (var (table, actions) in props.TableActionsFor(definition))
        {
            props.Tables[table].Grant(role, [.. actions]);
        }

        return new DeployedFunction(definition, function, role, logGroup);
    }
}
