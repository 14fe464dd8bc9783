using Amazon.CDK;
using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Infra.Stores;

/// <summary>Which tables to create and what happens to them when the stack is deleted.</summary>
/// <param name="Tables">Table definitions, normally <see cref="StepFunctionsCqrs.Functions.Stores.Tables.All"/>.</param>
/// <param name="RemovalPolicy">Retain in production; destroy for throwaway environments.</param>
public sealed record StoresProps(IReadOnlyList<TableDefinition> Tables, RemovalPolicy RemovalPolicy)
{
    /// <summary>
    /// Tables that refuse deletion while the removal policy keeps data: the commit log is the one source of truth, and
    /// every view can be rebuilt from it, but nothing rebuilds the log.
    /// </summary>
    public IReadOnlySet<string> DeletionProtected { get; init; } = new HashSet<string>(StringComparer.Ordinal) { global::StepFunctionsCqrs.Functions.Stores.Tables.CommitLog.LogicalName };

    /// <summary>Table logical name → the attribute DynamoDB's TTL reads (epoch seconds) to delete expired items; names of tables not created are ignored.</summary>
    public IReadOnlyDictionary<string, string> TimeToLiveAttributes { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal) { [global::StepFunctionsCqrs.Functions.Stores.Tables.CommandStatus.LogicalName] = CommandStatusRetention.TtlAttribute };

    /// <summary>Throws when the list is empty or names a table twice.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Tables);
        if (Tables.Count == 0)
        {
            throw new ArgumentException("At least one table definition is required.", nameof(Tables));
        }

        var duplicate = Tables.GroupBy(t => t.LogicalName).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The table '{duplicate.Key}' is defined more than once.", nameof(Tables));
        }
    }
}
