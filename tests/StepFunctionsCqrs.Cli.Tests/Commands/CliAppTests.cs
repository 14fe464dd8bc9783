using System.Net;
using System.Net.Sockets;
using StepFunctionsCqrs.Cli.Commands;
using StepFunctionsCqrs.Cli.Tests.TestKit;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;
using StepFunctionsCqrs.Testing;

namespace StepFunctionsCqrs.Cli.Tests.Commands;

[Collection(DynaliteCollection.Name)]
public sealed class CliAppTests(Dynalite dynalite)
{
    private CapturedCli Against(TableNames tables) => new(new Dictionary<string, string>
    {
        ["AWS_ENDPOINT_URL"] = dynalite.Endpoint.ToString(),
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
        ["COMMIT_LOG_TABLE"] = tables.CommitLog,
        ["AVAILABILITY_VIEW_TABLE"] = tables.Availability,
        ["GUEST_BOOKINGS_VIEW_TABLE"] = tables.GuestBookings,
        ["ARRIVALS_VIEW_TABLE"] = tables.Arrivals,
        ["COMMAND_STATUS_VIEW_TABLE"] = tables.CommandStatus,
    });

    [Fact]
    public async Task When_nothing_answers_the_error_names_the_endpoint_and_how_to_start_the_local_cloud()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var cli = new CapturedCli(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = $"http://127.0.0.1:{port}" });

        var code = await cli.RunAsync("submit", "book-room", "--hotel", "h", "--room-type", "r", "--check-in", "2030-01-01", "--check-out", "2030-01-02");

        Assert.Equal(CliApp.ErrorExitCode, code);
        Assert.Contains($"Nothing answers at http://127.0.0.1:{port}", cli.Console);
        Assert.Contains(TargetErrors.StartLocalCloudHint, cli.Console);
        Assert.Empty(cli.Output);
    }

    [Fact]
    public async Task Status_of_a_command_with_no_outcome_says_so_and_exits_with_the_pending_code()
    {
        var cli = Against(await dynalite.CreateTablesAsync());

        var code = await cli.RunAsync("status", "cmd-unknown");

        Assert.Equal(StatusCommand.PendingExitCode, code);
        Assert.Contains("cmd-unknown: no outcome recorded yet", cli.Console);
    }

    [Fact]
    public async Task Status_prints_a_rejection_with_each_reason_and_exits_with_the_rejected_code()
    {
        var tables = await dynalite.CreateTablesAsync();
        await new DynamoDbCommandStatusView(dynalite.Client, tables.CommandStatus).RecordAsync(new CommandStatusRecord(
            "cmd-7", CommandOutcome.Rejected, [new Domain.Outcomes.Reason("NotAdmin", "Only an admin may register a hotel.", "actor.roles")],
            null, null, "arn:exec", DateTimeOffset.UnixEpoch), CancellationToken.None);
        var cli = Against(tables);

        var code = await cli.RunAsync("status", "cmd-7");
        var jsonCode = await cli.RunAsync("status", "cmd-7", "--json");

        Assert.Equal(StatusCommand.RejectedExitCode, code);
        Assert.Equal(StatusCommand.RejectedExitCode, jsonCode);
        Assert.Contains("cmd-7: Rejected", cli.Console);
        Assert.Contains("NotAdmin (actor.roles): Only an admin may register a hotel.", cli.Console);
        Assert.Contains("\"status\":\"Rejected\"", cli.Output);
    }

    [Fact]
    public async Task Query_reads_the_views_directly_when_no_read_api_url_is_set()
    {
        var tables = await dynalite.CreateTablesAsync();
        var history = new PersistedHistory(dynalite.Client, tables);
        await history.RegisterAsync("grand", "double", 2);
        await history.BookAsync("grand", "double", "ann", "bk-1", new DateOnly(2030, 1, 1), 2);
        var cli = Against(tables);

        var availability = await cli.RunAsync("query", "availability", "--hotel", "grand", "--room-type", "double", "--from", "2030-01-01", "--to", "2030-01-04");
        var bookings = await cli.RunAsync("query", "bookings", "--guest", "ann", "--json");
        var nobody = await cli.RunAsync("query", "bookings", "--guest", "nobody");

        Assert.Equal(0, availability);
        Assert.Contains("capacity: 2", cli.Console);
        Assert.Matches(@"2030-01-02\s*│\s*1", cli.Console);
        Assert.Matches(@"2030-01-03\s*│\s*2", cli.Console);
        Assert.Equal(0, bookings);
        Assert.Contains("\"bookingId\":\"bk-1\"", cli.Output);
        Assert.Equal(StatusCommand.PendingExitCode, nobody);
        Assert.Contains("Guest 'nobody' has no bookings.", cli.Console);
    }

    [Fact]
    public async Task A_missing_view_table_is_named_in_the_error()
    {
        var tables = await dynalite.CreateTablesAsync();
        var cli = Against(tables with { GuestBookings = "NoSuchTable" });

        var code = await cli.RunAsync("query", "bookings", "--guest", "ann");

        Assert.Equal(CliApp.ErrorExitCode, code);
        Assert.Contains("NoSuchTable does not exist", cli.Console);
    }

    [Fact]
    public async Task Replay_recreates_and_refills_dropped_views_then_writes_nothing_the_second_time()
    {
        var tables = await dynalite.CreateTablesAsync();
        var history = new PersistedHistory(dynalite.Client, tables);
        await history.RegisterAsync("inn", "single", 1);
        await history.BookAsync("inn", "single", "ann", "bk-1", new DateOnly(2030, 2, 1), 1);
        await history.BookAsync("inn", "single", "bob", "bk-2", new DateOnly(2030, 2, 1), 1);
        var before = await TableSnapshot.TakeAsync(dynalite.Client, tables.GuestBookings);
        await dynalite.Client.DeleteTableAsync(tables.GuestBookings);
        var cli = Against(tables);

        var first = await cli.RunAsync("replay");
        var refilled = await TableSnapshot.TakeAsync(dynalite.Client, tables.GuestBookings);
        var second = await cli.RunAsync("replay");

        Assert.Equal(0, first);
        Assert.Equal(before, refilled);
        Assert.Equal(0, second);
        Assert.Contains("replayed 4 commits of 2 aggregates", cli.Console);
        Assert.Contains(", 0 written", cli.Console);
    }

    [Fact]
    public async Task Submit_without_a_file_or_a_command_type_says_what_to_give()
    {
        var cli = new CapturedCli(new Dictionary<string, string>());

        var code = await cli.RunAsync("submit");

        Assert.Equal(CliApp.ErrorExitCode, code);
        Assert.Contains("register-hotel, book-room, cancel-booking", cli.Console);
    }
}
