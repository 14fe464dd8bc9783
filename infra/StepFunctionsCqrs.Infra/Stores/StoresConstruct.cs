using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Constructs;
using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Infra.Stores;

/// <summary>The write store and the read views: one DynamoDB table per <see cref="TableDefinition"/>.</summary>
public sealed class StoresConstruct : Construct
{
    private readonly Dictionary<string, Table> _tables = new(StringComparer.Ordinal);

    /// <summary>Creates one table per definition.</summary>
    public StoresConstruct(Construct scope, string id, StoresProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        props.Validate();

        foreach (var definition in props.Tables)
        {
            _tables[definition.LogicalName] = new Table(this, definition.LogicalName, new TableProps
            {
                PartitionKey = ToAttribute(definition, definition.PartitionKey),
                SortKey = definition.SortKey is null ? null : ToAttribute(definition, definition.SortKey),
                // Command traffic is bursty and unknown in advance; on-demand needs no capacity planning.
                BillingMode = BillingMode.PAY_PER_REQUEST,
                PointInTimeRecovery = true,
                Encryption = TableEncryption.AWS_MANAGED,
                RemovalPolicy = props.RemovalPolicy,
                // A destroyed environment is meant to go away: protection would make the stack's deletion fail.
                DeletionProtection = props.DeletionProtected.Contains(definition.LogicalName) && props.RemovalPolicy != RemovalPolicy.DESTROY,
                TimeToLiveAttribute = props.TimeToLiveAttributes.GetValueOrDefault(definition.LogicalName),
            });
        }
    }

    /// <summary>Every table, by <see cref="TableDefinition.LogicalName"/>.</summary>
    public IReadOnlyDictionary<string, Table> Tables => _tables;

    /// <summary>The table created for a definition.</summary>
    public Table TableFor(TableDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return _tables.TryGetValue(definition.LogicalName, out var table)
            ? table
            : throw new KeyNotFoundException($"No table named '{definition.LogicalName}' was created by this stores construct.");
    }

    private static Amazon.CDK.AWS.DynamoDB.Attribute ToAttribute(TableDefinition table, KeyAttribute key) => new()
    {
        Name = key.Name,
        Type = key.Type switch
        {
            "S" => AttributeType.STRING,
            "N" => AttributeType.NUMBER,
            "B" => AttributeType.BINARY,
            _ => throw new ArgumentException(
                $"Table '{table.LogicalName}' key '{key.Name}' has type '{key.Type}'; expected S, N or B."),
        },
    };
}
