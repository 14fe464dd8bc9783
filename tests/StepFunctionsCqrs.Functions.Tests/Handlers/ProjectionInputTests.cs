using StepFunctionsCqrs.Functions.Tests.TestKit;
using StepFunctionsCqrs.Testing;

namespace StepFunctionsCqrs.Functions.Tests.Handlers;

[Collection(DynaliteCollection.Name)]
public sealed class ProjectionInputTests(Dynalite dynalite)
{
    [Fact]
    public async Task A_commit_whose_keys_were_reordered_on_the_way_still_projects()
    {
        var pipeline = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());
        const string input = """
            {"executionId":"e1","commit":{"changes":[{"inventory":{"bookings":[],"nights":[],"capacity":2,"roomTypeId":"double","hotelId":"grand"},
             "events":[{"capacity":2,"roomTypeId":"double","hotelId":"grand","type":"V1.InventoryOpened"}],"version":1,"aggregateId":"inventory#grand#double"}],
             "commandId":"register"}}
            """;

        var result = await Lambda.InvokeAsync(pipeline.ProjectAvailability.Handle, input);

        Assert.Equal(1, result.GetProperty("rows").GetInt32());
        var capacityRow = Assert.Single(await TableContents.ScanAsync(dynalite.Client, pipeline.Tables.Availability));
        Assert.Contains("Capacity=2", capacityRow, StringComparison.Ordinal);
    }
}
