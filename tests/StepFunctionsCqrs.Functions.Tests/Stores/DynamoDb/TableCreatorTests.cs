using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;
using StepFunctionsCqrs.Functions.Tests.TestKit;
using StepFunctionsCqrs.Testing;

namespace StepFunctionsCqrs.Functions.Tests.Stores.DynamoDb;

[Collection(DynaliteCollection.Name)]
public sealed class TableCreatorTests(Dynalite dynalite)
{
    [Fact]
    public async Task Every_table_is_created_with_its_keys_and_creating_again_changes_nothing()
    {
        var names = await dynalite.CreateTablesAsync();

        await new TableCreator(dynalite.Client).CreateAllAsync(names, CancellationToken.None);

        foreach (var table in Tables.All)
        {
            var description = (await dynalite.Client.DescribeTableAsync(names.For(table))).Table;
            Assert.Equal(
                new[] { table.PartitionKey.Name, table.SortKey?.Name }.OfType<string>(),
                description.KeySchema.Select(k => k.AttributeName));
        }
    }

    [Fact]
    public void Each_table_has_an_environment_variable_for_its_physical_name()
    {
        Assert.Equal(
            ["COMMIT_LOG_TABLE", "AVAILABILITY_VIEW_TABLE", "GUEST_BOOKINGS_VIEW_TABLE", "ARRIVALS_VIEW_TABLE", "COMMAND_STATUS_VIEW_TABLE"],
            Tables.All.Select(t => t.EnvironmentVariable));
    }
}
