using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Functions.Errors;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;
using StepFunctionsCqrs.Functions.Tests.TestKit;
using StepFunctionsCqrs.Testing;

namespace StepFunctionsCqrs.Functions.Tests.Stores.DynamoDb;

[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbCommitLogTests(Dynalite dynalite)
{
    private static StoredCommit Commit(long version, string commandId) => new(
        "inventory#grand#double", version, commandId, [new InventoryOpened("grand", "double", 2)],
        new DateTimeOffset(2027, 1, 10, 9, 30, 0, TimeSpan.Zero), $"exec-{commandId}");

    [Fact]
    public async Task Appending_a_version_that_is_taken_throws_ConcurrencyConflict_and_keeps_the_first()
    {
        var log = new DynamoDbCommitLog(dynalite.Client, (await dynalite.CreateTablesAsync()).CommitLog);
        await log.AppendAsync(Commit(1, "first"), CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflict>(() => log.AppendAsync(Commit(1, "second"), CancellationToken.None));

        Assert.Contains("inventory#grand#double", conflict.Message);
        Assert.Equal(["first"], (await log.LoadAsync("inventory#grand#double", CancellationToken.None)).Select(c => c.CommandId));
    }

    [Fact]
    public async Task Commits_load_in_version_order_with_their_events_and_metadata()
    {
        var log = new DynamoDbCommitLog(dynalite.Client, (await dynalite.CreateTablesAsync()).CommitLog);
        foreach (var version in Enumerable.Range(1, 12))
        {
            await log.AppendAsync(Commit(version, $"c{version}"), CancellationToken.None);
        }

        var commits = await log.LoadAsync("inventory#grand#double", CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 12).Select(v => (long)v), commits.Select(c => c.Version));
        Assert.Equal(Commit(3, "c3").CommittedAt, commits[2].CommittedAt);
        Assert.Equal("exec-c3", commits[2].ExecutionId);
        Assert.Equal(new InventoryOpened("grand", "double", 2), commits[2].Events.Single());
        Assert.Empty(await log.LoadAsync("inventory#elsewhere#double", CancellationToken.None));
    }

    [Fact]
    public async Task The_whole_log_reads_ordered_by_aggregate_and_version_and_reports_how_many_it_read()
    {
        var log = new DynamoDbCommitLog(dynalite.Client, (await dynalite.CreateTablesAsync()).CommitLog);
        foreach (var version in new long[] { 3, 1, 2 })
        {
            await log.AppendAsync(Commit(version, $"c{version}"), CancellationToken.None);
        }

        await log.AppendAsync(Commit(1, "hotel") with { AggregateId = "hotel#grand" }, CancellationToken.None);
        var reported = new List<int>();

        var commits = await log.ReadAllAsync(new ListProgress(reported), CancellationToken.None);

        Assert.Equal(["hotel#grand/1", "inventory#grand#double/1", "inventory#grand#double/2", "inventory#grand#double/3"],
            commits.Select(c => $"{c.AggregateId}/{c.Version}"));
        Assert.Equal(4, reported[^1]);
    }

    [Fact]
    public async Task An_unreachable_store_surfaces_as_TransientStoreError_for_the_workflow_to_retry()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("test", "test"), new AmazonDynamoDBConfig
        {
            ServiceURL = $"http://127.0.0.1:{port}",
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        });
        var log = new DynamoDbCommitLog(client, "CommitLog");

        await Assert.ThrowsAsync<TransientStoreError>(() => log.LoadAsync("hotel#grand", CancellationToken.None));
        await Assert.ThrowsAsync<TransientStoreError>(() => log.AppendAsync(Commit(1, "c1"), CancellationToken.None));
    }

    private sealed class ListProgress(List<int> reported) : IProgress<int>
    {
        public void Report(int value) => reported.Add(value);
    }
}
