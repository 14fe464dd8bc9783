using Microsoft.AspNetCore.Http;
using StepFunctionsCqrs.Functions.StepFunctions.Errors;
using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.LocalCloud.WebConsole.Listing;

/// <summary>
/// The executions list: ListExecutions, newest first, filtered by status there and by name prefix here, since the API
/// has no prefix filter. A prefix search reads full pages of 1,000 until it has a page of matches or has read
/// <see cref="MaxScannedPerPage"/> executions, so one request stays bounded however many executions exist.
/// </summary>
public sealed class ExecutionListing(ConsoleConnection connection)
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
        var token = ConsoleQuery.Single(query, "nextToken", ConsoleQuery.MaxTokenLength) is { } text ? ListingToken.Decode(text, filter) : new ListingToken(filter, null, null, null);
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
        var arn = connection.Clients.StateMachineArn(machine);
        var rows = new List<ExecutionRow>(pageSize);
        var scanned = 0;
        var pageToken = token.StepFunctionsToken;
        var after = token.LastStart is { } lastStart ? (Start: lastStart, Arn: token.LastArn!) : ((DateTimeOffset Start, string Arn)?)null;
        while (true)
        {
            var page = await ListAsync(new ListExecutionsRequest
            {
                StateMachineArn = arn,
                StatusFilter = status,
                MaxResults = prefix is null && after is null ? pageSize : ScanPageSize,
                NextToken = pageToken,
            }, cancellationToken).ConfigureAwait(false);
            var executions = page.Executions;
            for (var i = 0; i < executions.Count; i++)
            {
                var e = executions[i];
                if (after is { } last)
                {
                    // Newest first: everything up to the last one shown, and anything that started since, was shown or is newer.
                    if (e.StartDate > last.Start || (e.StartDate == last.Start && e.ExecutionArn != last.Arn))
                    {
                        continue;
                    }

                    after = null;
                    if (e.ExecutionArn == last.Arn)
                    {
                        continue;
                    }
                }

                if (prefix is not null && !e.Name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                rows.Add(Row(e, machine));
                if (rows.Count == pageSize)
                {
                    var next = i + 1 < executions.Count
                        ? new ListingToken(filter, pageToken, e.StartDate, e.ExecutionArn)
                        : page.NextToken is null ? null : new ListingToken(filter, page.NextToken, null, null);
                    return new ExecutionListPage(machine, machines, status, prefix, rows, next?.Encode());
                }
            }

            scanned += executions.Count;
            if (page.NextToken is null)
            {
                return new ExecutionListPage(machine, machines, status, prefix, rows, null);
            }

            pageToken = page.NextToken;
            if (scanned >= MaxScannedPerPage)
            {
                // Still skipping what was shown (many started since): the next request goes on skipping from here.
                return new ExecutionListPage(machine, machines, status, prefix, rows,
                    new ListingToken(filter, pageToken, after?.Start, after?.Arn).Encode());
            }
        }
    }

    private async Task<ListExecutionsResult> ListAsync(ListExecutionsRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await connection.Clients.StepFunctions.ListExecutionsAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidTokenException)
        {
            throw ConsoleProblem.InvalidParameter("nextToken", "Step Functions no longer knows the page it points to; start again from the first page.");
        }
    }

    private async Task<IReadOnlyList<string>> StateMachineNamesAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        string? token = null;
        do
        {
            var page = await connection.Clients.StepFunctions.ListStateMachinesAsync(new ListStateMachinesRequest { MaxResults = 1000, NextToken = token }, cancellationToken).ConfigureAwait(false);
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
