using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Logs;
using StepFunctionsCqrs.Functions.Catalog;

namespace StepFunctionsCqrs.Infra.Functions;

/// <summary>What the functions construct deploys and what it may grant.</summary>
/// <param name="Catalog">Functions to deploy, normally <see cref="FunctionCatalog.All"/>.</param>
/// <param name="Tables">Every table a function may touch, by <c>TableDefinition.LogicalName</c>.</param>
/// <param name="CodePath">The publish output folder (see infra/scripts/publish-functions.sh).</param>
/// <param name="RuntimeName">Managed Lambda runtime identifier, e.g. <c>dotnet10</c>.</param>
/// <param name="LogRetention">Retention of each function's log group.</param>
/// <param name="RemovalPolicy">What happens to the log groups when the stack is deleted.</param>
public sealed record FunctionsProps(
    IReadOnlyList<FunctionDefinition> Catalog,
    IReadOnlyDictionary<string, ITable> Tables,
    string CodePath,
    string RuntimeName,
    RetentionDays LogRetention,
    RemovalPolicy RemovalPolicy)
{
    /// <summary>The exact actions each function may call on each table; normally <see cref="Functions.TableActions.ByFunction"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> TableActions { get; init; } =
        Functions.TableActions.ByFunction;

    /// <summary>Function name → concurrency reserved for it (which also caps it); functions not listed reserve none.</summary>
    public IReadOnlyDictionary<string, int> ReservedConcurrency { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>The actions a function may call, by table logical name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> TableActionsFor(FunctionDefinition function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return TableActions.TryGetValue(function.Name, out var tables)
            ? tables
            : throw new ArgumentException($"No DynamoDB actions are listed for the function '{function.Name}'.", nameof(TableActions));
    }

    /// <summary>Throws when the catalog is empty, names a function twice, or refers to a table that is not supplied.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Catalog);
        ArgumentNullException.ThrowIfNull(Tables);
        ArgumentException.ThrowIfNullOrWhiteSpace(CodePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(RuntimeName);
        if (Catalog.Count == 0)
        {
            throw new ArgumentException("The function catalog is empty.", nameof(Catalog));
        }

        var duplicate = Catalog.GroupBy(f => f.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The function '{duplicate.Key}' appears more than once in the catalog.", nameof(Catalog));
        }

        foreach (var function in Catalog)
        {
            foreach (var table in function.Reads.Concat(function.Writes))
            {
                if (!Tables.ContainsKey(table.LogicalName))
                {
                    throw new ArgumentException(
                        $"Function '{function.Name}' uses table '{table.LogicalName}', which is not among the supplied tables.", nameof(Tables));
                }
            }

            // Grants follow the catalog: actions on a table the catalog entry does not name would widen what the function may touch.
            var named = function.Reads.Concat(function.Writes).Select(t => t.LogicalName).ToHashSet(StringComparer.Ordinal);
            var unnamed = TableActionsFor(function).Keys.Where(t => !named.Contains(t)).ToList();
            if (unnamed.Count > 0)
            {
                throw new ArgumentException(
                    $"Function '{function.Name}' is given DynamoDB actions on {string.Join(", ", unnamed)}, which its catalog entry does not name.", nameof(TableActions));
            }
        }
    }
}
