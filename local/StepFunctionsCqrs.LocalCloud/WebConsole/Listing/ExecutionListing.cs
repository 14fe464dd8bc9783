using Microsoft.AspNetCore.Http;
using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.LocalCloud.WebConsole.Listing;

/// <summary>
/// The executions list: ListExecutions, newest first, filtered by status there and by name prefix here, since the API
/// has no prefix filter. A prefix search reads full pages of 1,000 until it has a page of matches or has read
/// <see cref="MaxScannedPerPage"/> executions, so one request stays bounded however many executions exist.
/// </summary>
public sealed class ExecutionListing(ConsoleClients clients)
{
    /// <summary>Most executions one prefix search reads before it answers with what it found and a token to go on.</summary>
    public const int MaxScannedPerPage = 20_000;

    private const int ScanPageSize = 1000;

    /// <summary>The parameters the list takes.</summary>
    public static readonly string[] Parameters = ["stateMachine", "status", "prefix", "pageSize", "nextToken"];

    /// <summary>Checks every parameter of the query, as the list page does before it is drawn; a 400 naming the first bad one.</summary>
    public async Task<ListingQuery> ReadAsync(IQueryCollection query, CancellationToken cancellationToken)
    {
        ConsoleQuery.OnlyKnown(query, Parameters);
        var machine = ConsoleQuery.Single(query, "stateMachine", 80) is { } named ? ConsoleQuery.Name(named, "stateMachine") : Bootstrap.LocalResources.StateMachineName;
        var status = ConsoleQuery.Status(query);
        var prefix = ConsoleQuery.Single(query, "prefix", ConsoleQuery.MaxPrefixLength);
        var pageSize = ConsoleQuery.PageSize(query);
        var filter = $"{machine}|{status}|{prefix}";
        var token = ConsoleQuery.Single(query, "nextToken", ConsoleQuery.MaxTokenLength) is { } text ? ListingToken.Decode(text, filter) : new ListingToken(filter, null, 0);
        var machines = await StateMachineNamesAsync(cancellationToken).ConfigureAwait(false);
        if (!machines.Contains(machine, StringComparer.Ordinal))
        {
            throw ConsoleProblem.InvalidParameter("stateMachine", $"no state machine named '{machine}' exists; there are {string.Join(", ", machines)}.");
        }

        return new ListingQuery(machine, machines, status, prefix, pageSize, token);
    }

    /// <summary>Answers one page for the query's filters.</summary>
    public async Task<ExecutionListPage> PageAsync(IQueryCollection query, CancellationToken cancellationToken)
    {
        var (machine, machines, status, prefix, pageSize, token) = await ReadAsync(query, cancellationToken).ConfigureAwait(false);
        var filter = token.Filter;
        var arn = clients.StateMachineArn(machine);
        var rows = new List<ExecutionRow>(pageSize);
        var scanned = 0;
        var (pageToken, skip) = (token.StepFunctionsToken, token.Skip);
        while (true)
        {
            var page = await clients.StepFunctions.ListExecutionsAsync(new ListExecutionsRequest
            {
                StateMachineArn = arn,
                StatusFilter = status,
                MaxResults = prefix is null ? Math.Min(ScanPageSize, skip + pageSize) : ScanPageSize,
                NextToken = pageToken,
            }, cancellationToken).ConfigureAwait(false);
            var executions = page.Executions;
            for (var i = skip; i < executions.Count; i++)
            {
                var e = executions[i];
                if (prefix is not null && !e.Name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                rows.Add(Row(e, machine));
                if (rows.Count == pageSize)
                {
                    var more = i + 1 < executions.Count || page.NextToken is not null;
                    var next = i + 1 < executions.Count ? new ListingToken(filter, pageToken, i + 1) : new ListingToken(filter, page.NextToken, 0);
                    return new ExecutionListPage(machine, machines, status, prefix, rows, more ? next.Encode() : null);
                }
            }

            scanned += executions.Count - skip;
            if (page.NextToken is null)
            {
                return new ExecutionListPage(machine, machines, status, prefix, rows, null);
            }

            (pageToken, skip) = (page.NextToken, 0);
            if (scanned >= MaxScannedPerPage)
            {
                return new ExecutionListPage(machine, machines, status, prefix, rows, new ListingToken(filter, pageToken, 0).Encode());
            }
        }
    }

    private async Task<IReadOnlyList<string>> StateMachineNamesAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        string? token = null;
        do
        {
            var page = await clients.StepFunctions.ListStateMachinesAsync(new ListStateMachinesRequest { MaxResults = 1000, NextToken = token }, cancellationToken).ConfigureAwait(false);
            names.AddRange(page.StateMachines.Select(m => m.Name));
            token = page.NextToken;
        }
        while (token is not null);

        return names;
    }

    private static ExecutionRow Row(ExecutionListItem e, string machine) => new(
        e.Name, e.ExecutionArn, machine, e.Status, e.StartDate, e.StopDate,
        e.StopDate is { } stop ? (stop - e.StartDate).TotalMilliseconds : null);
}
