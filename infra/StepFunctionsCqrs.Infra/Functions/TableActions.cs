using StepFunctionsCqrs.Functions.Catalog;
using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Infra.Functions;

/// <summary>The exact DynamoDB actions each function's code calls, per table its catalog entry names.</summary>
/// <remarks>
/// CDK's GrantReadData and GrantWriteData grant families of actions (Scan, BatchWriteItem, UpdateItem, DeleteItem …) that
/// no handler calls; a compromised or buggy function should not be able to delete commits or scan a view it only writes.
/// A test derives the calls from the handlers' code and fails when this list and the code disagree.
/// </remarks>
public static class TableActions
{
    /// <summary>A single conditional PutItem per row.</summary>
    private static readonly string[] VersionGuardedWrites = ["dynamodb:PutItem"];

    /// <summary>Function name → table logical name → actions.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> ByFunction { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.Ordinal)
        {
            [FunctionCatalog.Dispatch.Name] = Grants(),
            [FunctionCatalog.Validate.Name] = Grants(),
            // Loading an aggregate is a Query; appending and the command ledger are conditional PutItems; a lookup is a GetItem.
            [FunctionCatalog.Persist.Name] = Grants(
                (Tables.CommitLog, ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"])),
            [FunctionCatalog.ProjectAvailability.Name] = Grants((Tables.Availability, VersionGuardedWrites)),
            [FunctionCatalog.ProjectGuestBookings.Name] = Grants((Tables.GuestBookings, VersionGuardedWrites)),
            [FunctionCatalog.ProjectArrivals.Name] = Grants((Tables.Arrivals, VersionGuardedWrites)),
            // First record wins: a conditional PutItem, then a GetItem of the record that won.
            [FunctionCatalog.RecordStatus.Name] = Grants((Tables.CommandStatus, ["dynamodb:GetItem", "dynamodb:PutItem"])),
            [FunctionCatalog.Query.Name] = Grants(
                (Tables.Availability, ["dynamodb:GetItem", "dynamodb:Query"]),
                (Tables.GuestBookings, ["dynamodb:Query"]),
                (Tables.Arrivals, ["dynamodb:Query"]),
                (Tables.CommandStatus, ["dynamodb:GetItem"])),
        };

    /// <summary>The actions a function may call on each table, or throws when the function has no entry.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> For(FunctionDefinition function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return ByFunction.TryGetValue(function.Name, out var tables)
            ? tables
            : throw new KeyNotFoundException($"No DynamoDB actions are listed for the function '{function.Name}' in {nameof(TableActions)}.");
    }

    private static Dictionary<string, IReadOnlyList<string>> Grants(params (TableDefinition Table, string[] Actions)[] grants) =>
        grants.ToDictionary(g => g.Table.LogicalName, g => (IReadOnlyList<string>)g.Actions, StringComparer.Ordinal);
}
