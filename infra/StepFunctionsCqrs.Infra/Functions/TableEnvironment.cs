using System.Text;
using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Infra.Functions;

/// <summary>How a function learns a table's deployed name: one environment variable per table it may touch.</summary>
public static class TableEnvironment
{
    /// <summary>The variable for a table: its logical name in upper snake case plus <c>_TABLE</c> (CommitLog → COMMIT_LOG_TABLE).</summary>
    public static string VariableFor(TableDefinition table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var name = new StringBuilder();
        foreach (var c in table.LogicalName)
        {
            if (char.IsUpper(c) && name.Length > 0)
            {
                name.Append('_');
            }

            name.Append(char.ToUpperInvariant(c));
        }

        return name.Append("_TABLE").ToString();
    }
}
