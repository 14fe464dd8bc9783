using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using StepFunctionsCqrs.Functions.DeadLetters;
using StepFunctionsCqrs.Cli.Status;
using StepFunctionsCqrs.Domain.Events;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.EndToEnd.Tests.Driving;
using StepFunctionsCqrs.Functions.StepFunctions.Errors;

namespace StepFunctionsCqrs.EndToEnd.Tests.Model;

/// <summary>
/// What one run left behind, read only through the public APIs: the commit log and the views by Scan through the edge,
/// the dead-letter queue through SQS, the execution inputs through Step Functions. View rows are read by their
/// attributes, not by the tables' keys, so the comparison holds whatever the keys are.
/// </summary>
public sealed record ObservedPipeline(
    IReadOnlyList<ObservedCommit> Commits,
    IReadOnlyList<AvailabilityRow> Availability,
    IReadOnlyList<GuestBookingRow> GuestBookings,
    IReadOnlyList<ArrivalRow> Arrivals,
    IReadOnlyDictionary<string, ObservedStatus> Statuses,
    IReadOnlyList<DeadLetter> DeadLetters,
    IReadOnlyDictionary<string, ObservedExecution?> Executions)
{
    /// <summary>Reads everything of the run with <paramref name="prefix"/>; executions only of <paramref name="executionsOf"/> (the ids sent with several bodies, and those left without an end).</summary>
    public static async Task<ObservedPipeline> ReadAsync(StackDriver stack, string prefix, IEnumerable<string> executionsOf)
    {
        var tables = stack.Context.Settings.Tables;
        // The commit log's table also holds Persist's command-id claims (pk "command#<id>"); they are not commits of an aggregate.
        var commits = (await ScanAsync(stack, tables.CommitLog, "contains(AggregateId, :p)", prefix))
            .Where(i => !i["AggregateId"].S.StartsWith("command#", StringComparison.Ordinal))
            .Select(i => new ObservedCommit(i["AggregateId"].S, long.Parse(i["Version"].N, CultureInfo.InvariantCulture), i["CommandId"].S, EventJson.Deserialize(i["Events"].S)))
            .OrderBy(c => c.AggregateId, StringComparer.Ordinal).ThenBy(c => c.Version).ToList();
        var availability = (await ScanAsync(stack, tables.Availability, "begins_with(HotelId, :p)", prefix)).Select(i => new AvailabilityRow(
            i["HotelId"].S, i["RoomTypeId"].S, DateOnly.TryParseExact(i["Date"].S, "yyyy-MM-dd", out var night) ? night : null,
            Number(i, "Capacity"), Number(i, "RoomsLeft"), Number(i, "Version"))).ToList();
        var guests = (await ScanAsync(stack, tables.GuestBookings, "begins_with(HotelId, :p)", prefix)).Select(i => new GuestBookingRow(
            i["GuestId"].S, i["BookingId"].S, i["HotelId"].S, i["RoomTypeId"].S, Date(i, "CheckIn"), Date(i, "CheckOut"),
            Enum.Parse<BookingStatus>(i["Status"].S), i["FromWaitlist"].BOOL ?? false, Number(i, "Version"))).ToList();
        var arrivals = (await ScanAsync(stack, tables.Arrivals, "begins_with(HotelId, :p)", prefix)).Select(i => new ArrivalRow(
            i["HotelId"].S, Date(i, "Date"), i["BookingId"].S, i["GuestId"].S, i["RoomTypeId"].S, Date(i, "CheckOut"),
            Enum.Parse<ArrivalStatus>(i["Status"].S), Number(i, "Version"))).ToList();
        var statuses = (await ScanAsync(stack, tables.CommandStatus, "begins_with(CommandId, :p)", prefix)).Select(i => new ObservedStatus(
            i["CommandId"].S, i["Status"].S, ReasonCodes(i), i.TryGetValue("Error", out var error) ? error.S : null))
            .ToDictionary(s => s.CommandId, StringComparer.Ordinal);
        var dead = await stack.DeadLettersAsync();

        var inputs = new Dictionary<string, ObservedExecution?>(StringComparer.Ordinal);
        foreach (var id in executionsOf.Distinct(StringComparer.Ordinal))
        {
            try
            {
                var execution = await stack.Context.Clients.StepFunctions.DescribeExecutionAsync(ExecutionArns.For(stack.Context.Settings.StateMachineArn, id));
                inputs[id] = new ObservedExecution(execution.Status, execution.Error, execution.Cause, execution.Input is { } input ? JsonNode.Parse(input)?["command"] : null);
            }
            catch (Exception e) when (e is ExecutionDoesNotExistException or InvalidArnException)
            {
                inputs[id] = null;
            }
        }

        return new ObservedPipeline(commits, availability, guests, arrivals, statuses, dead, inputs);
    }

    private static async Task<List<Dictionary<string, AttributeValue>>> ScanAsync(StackDriver stack, string table, string filter, string prefix)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await stack.Context.Clients.DynamoDb.ScanAsync(new ScanRequest
            {
                TableName = table,
                FilterExpression = filter,
                ExpressionAttributeValues = new() { [":p"] = new AttributeValue { S = prefix } },
                ConsistentRead = true,
                ExclusiveStartKey = start,
            });
            items.AddRange(page.Items ?? []);
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        return items;
    }

    private static int Number(Dictionary<string, AttributeValue> item, string name) => int.Parse(item[name].N, CultureInfo.InvariantCulture);

    private static DateOnly Date(Dictionary<string, AttributeValue> item, string name) => DateOnly.ParseExact(item[name].S, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IReadOnlyList<string> ReasonCodes(Dictionary<string, AttributeValue> item)
    {
        if (!item.TryGetValue("Reasons", out var reasons) || reasons.S is null)
        {
            return [];
        }

        using var document = JsonDocument.Parse(reasons.S);
        return [.. document.RootElement.EnumerateArray().Select(r => r.TryGetProperty("code", out var code) ? code.GetString() ?? "" : "")];
    }
}
