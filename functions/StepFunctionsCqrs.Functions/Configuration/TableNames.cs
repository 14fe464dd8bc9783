using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Functions.Configuration;

/// <summary>The physical table names of one deployment.</summary>
public sealed record TableNames(string CommitLog, string Availability, string GuestBookings, string Arrivals, string CommandStatus)
{
    /// <summary>Tables named exactly by their logical names, as the local bootstrap and tests create them.</summary>
    public static TableNames Logical { get; } = new(
        Tables.CommitLog.LogicalName, Tables.Availability.LogicalName, Tables.GuestBookings.LogicalName,
        Tables.Arrivals.LogicalName, Tables.CommandStatus.LogicalName);

    /// <summary>Each table's name from its <see cref="TableDefinition.EnvironmentVariable"/>, else its logical name.</summary>
    public static TableNames FromEnvironment() => new(
        Read(Tables.CommitLog), Read(Tables.Availability), Read(Tables.GuestBookings), Read(Tables.Arrivals), Read(Tables.CommandStatus));

    /// <summary>The same names with a prefix, so several test runs can share one DynamoDB endpoint.</summary>
    public TableNames WithPrefix(string prefix) => new(
        prefix + CommitLog, prefix + Availability, prefix + GuestBookings, prefix + Arrivals, prefix + CommandStatus);

    /// <summary>The physical name of a table definition.</summary>
    public string For(TableDefinition table) => table.LogicalName switch
    {
        var n when n == Tables.CommitLog.LogicalName => CommitLog,
        var n when n == Tables.Availability.LogicalName => Availability,
        var n when n == Tables.GuestBookings.LogicalName => GuestBookings,
        var n when n == Tables.Arrivals.LogicalName => Arrivals,
        var n when n == Tables.CommandStatus.LogicalName => CommandStatus,
        var n => throw new ArgumentException($"Unknown table '{n}'.", nameof(table)),
    };

    // CDK sets the variables to generated names; elsewhere tables carry their logical names.
    private static string Read(TableDefinition table) =>
        Environment.GetEnvironmentVariable(table.EnvironmentVariable) is { Length: > 0 } name ? name : table.LogicalName;
}
