using System.Text.Json.Nodes;
using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.LocalCloud.WebConsole.Commands;

/// <summary>Everything the command page shows: the envelope, the outcome, the commits it appended and the view rows it wrote.</summary>
/// <param name="CommandId">The command id.</param>
/// <param name="Envelope">The command as its execution received it; null when it never became an execution.</param>
/// <param name="Status">Its row in the command status view; null while none is recorded.</param>
/// <param name="Execution">Its execution; null when there is none.</param>
/// <param name="Commits">The commits it appended, as the commit log holds them.</param>
/// <param name="Views">Per view, the rows its projection wrote and what the view holds for them now.</param>
public sealed record CommandDetails(
    string CommandId,
    JsonNode? Envelope,
    CommandStatusRecord? Status,
    ExecutionLink? Execution,
    IReadOnlyList<CommitDetails> Commits,
    IReadOnlyList<ViewRows> Views);

/// <summary>The execution that processed a command.</summary>
public sealed record ExecutionLink(string StateMachineName, string Name, string ExecutionArn, string Status);

/// <summary>One commit-log item: the events a command appended to one aggregate at one version.</summary>
public sealed record CommitDetails(string AggregateId, long Version, DateTimeOffset CommittedAt, string ExecutionId, JsonNode Events);

/// <summary>The rows one projection wrote for the command.</summary>
public sealed record ViewRows(string View, string Table, IReadOnlyList<ViewRow> Rows);

/// <summary>One row as the projection wrote it and as the view holds it now.</summary>
/// <param name="Key">The row's key.</param>
/// <param name="Written">The row the projection wrote.</param>
/// <param name="WrittenVersion">The aggregate version it was written for.</param>
/// <param name="Stored">What the view's store reads back for the row; null when it holds none.</param>
/// <param name="StoredVersion">The version the view holds, for views that read it back.</param>
/// <param name="State">"as-written", "changed-since" (a later command wrote it), or "missing".</param>
public sealed record ViewRow(string Key, JsonNode Written, long WrittenVersion, JsonNode? Stored, long? StoredVersion, string State)
{
    /// <summary>The row as written, compared with what the view holds: by version where the view keeps one, else by value.</summary>
    public static ViewRow Compare(string key, JsonNode written, long writtenVersion, JsonNode? stored, long? storedVersion, Func<bool> sameValues) =>
        new(key, written, writtenVersion, stored, storedVersion,
            stored is null ? "missing"
            : storedVersion is { } version ? (version > writtenVersion ? "changed-since" : "as-written")
            : sameValues() ? "as-written" : "changed-since");
}
