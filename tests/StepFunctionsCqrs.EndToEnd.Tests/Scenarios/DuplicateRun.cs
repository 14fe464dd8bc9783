using System.Text.Json.Nodes;
using StepFunctionsCqrs.Cli.Queries;
using StepFunctionsCqrs.Domain.Hotels;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.EndToEnd.Tests.Driving;

namespace StepFunctionsCqrs.EndToEnd.Tests.Scenarios;

/// <summary>
/// A 100-command run on its own hotel (1 registration, 79 bookings, 20 cancellations) whose outcome does not depend on
/// processing order, so two hotels given the same run end with the same views whatever the delivery.
/// </summary>
public sealed class DuplicateRun(string hotelId)
{
    private const int Bookings = 79;
    private const int Cancellations = 20;
    private static readonly string[] RoomTypes = ["rt-0", "rt-1", "rt-2", "rt-3"];
    private static readonly DateOnly FirstNight = new(2030, 4, 1);
    private readonly List<string> commandIds = [];

    /// <summary>Command ids in the order the phases built them; the registration first.</summary>
    public IReadOnlyList<string> CommandIds => commandIds;

    /// <summary>The commit-log ids of the hotel's inventories.</summary>
    public IEnumerable<string> InventoryAggregates => RoomTypes.Select(r => AggregateIds.Inventory(hotelId, r));

    /// <summary>The envelopes of phase 0 (registration), 1 (bookings) or 2 (cancellations); each phase depends on the one before.</summary>
    public IReadOnlyList<JsonObject> Phase(StackDriver stack, int phase)
    {
        List<JsonObject> envelopes = phase switch
        {
            0 => [stack.Envelopes.RegisterHotel(Envelope.Admin(), hotelId, "Duplicate Hotel", [.. RoomTypes.Select(r => new RoomTypeSpec(r, 100))])],
            1 => [.. Enumerable.Range(0, Bookings).Select(i => stack.Envelopes.BookRoom(
                Envelope.Guest(Guest(i)), hotelId, RoomTypes[i % RoomTypes.Length], $"{hotelId}-bk{i}", FirstNight.AddDays(i % 10), FirstNight.AddDays(i % 10 + 1 + i % 3)))],
            2 => [.. Enumerable.Range(0, Cancellations).Select(c => c * 3).Select(i => stack.Envelopes.CancelBooking(
                Envelope.Guest(Guest(i)), hotelId, RoomTypes[i % RoomTypes.Length], $"{hotelId}-bk{i}"))],
            _ => throw new ArgumentOutOfRangeException(nameof(phase)),
        };
        commandIds.AddRange(envelopes.Select(Envelope.IdOf));
        return envelopes;
    }

    /// <summary>Every view answer for the hotel, with the hotel id replaced so runs on different hotels compare.</summary>
    public async Task<IReadOnlyList<string>> ViewsAsync(StackDriver stack)
    {
        var answers = new List<string>();
        foreach (var roomType in RoomTypes)
        {
            answers.Add((await stack.ReadAsync(ReadRoutes.Availability(hotelId, roomType, FirstNight, FirstNight.AddDays(14)))).Body);
        }

        for (var day = 0; day < 12; day++)
        {
            answers.Add((await stack.ReadAsync(ReadRoutes.Arrivals(hotelId, FirstNight.AddDays(day)))).Body);
        }

        for (var guest = 0; guest < 15; guest++)
        {
            answers.Add((await stack.ReadAsync(ReadRoutes.GuestBookings($"{hotelId}-g{guest}"))).Body);
        }

        return [.. answers.Select(a => WithoutVersions(a).Replace(hotelId, "HOTEL", StringComparison.Ordinal))];
    }

    // A row's version is the aggregate version of its last change, which numbers commits in the order they landed; that order
    // differs between any two concurrent runs, duplicates or not, so the comparison leaves it out.
    private static string WithoutVersions(string body)
    {
        var node = JsonNode.Parse(body)!;
        foreach (var row in node.AsObject().Select(p => p.Value).OfType<JsonArray>().SelectMany(a => a).OfType<JsonObject>())
        {
            row.Remove("version");
        }

        return node.ToJsonString();
    }

    private string Guest(int booking) => $"{hotelId}-g{booking % 15}";
}
