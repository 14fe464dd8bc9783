using Amazon.CDK;
using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Infra.Stores;

/// <summary>Which tables to create and what happens to them when the stack is deleted.</summary>
/// <param name="Tables">Table definitions, normally <see cref="StepFunctionsCqrs.Functions.Stores.Tables.All"/>.</param>
/// <param name="RemovalPolicy">Retain in production; destroy for throwaway environments.</param>
public sealed record StoresProps(IReadOnlyList<TableDefinition> Tables, RemovalPolicy RemovalPolicy)
{
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
