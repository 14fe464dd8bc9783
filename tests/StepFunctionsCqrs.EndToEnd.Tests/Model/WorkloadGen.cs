using CsCheck;

namespace StepFunctionsCqrs.EndToEnd.Tests.Model;

/// <summary>
/// Random workloads over a few hotels, two room types, three guests and five booking ids, so the same booking id is
/// used across hotels and room types, often by the same guest; cancellations of own and others' bookings; duplicated
/// messages, reused command ids, over-long ids, a 150 KiB hotel name and malformed messages.
/// </summary>
public static class WorkloadGen
{
    /// <summary>A booking id longer than the 64 characters an id may have.</summary>
    public static readonly string OverLongBookingId = "b" + new string('x', 69);

    private static readonly string[] RoomTypes = ["double", "single"];
    private static readonly string[] Guests = ["g1", "g2", "g3"];
    private static readonly string[] BookingIds = ["b1", "b2", "b3", "b4", "b5"];

    // Each draft is a handful of small numbers that Resolve turns into a command; CsCheck shrinks them towards 0,
    // which is a plain booking sent once, so a shrunk workload keeps only the commands that matter.
    private const int DraftFields = 9;

    /// <summary>Workloads of <paramref name="minCommands"/> to <paramref name="maxCommands"/> commands.</summary>
    public static Gen<Workload> Workloads(int minCommands, int maxCommands) =>
        Gen.Select(
            Gen.Int[1, 2].Array[4],
            Gen.Int[0, 2],
            Gen.Int[0, 999].Array[DraftFields].Array[minCommands, maxCommands],
            (capacities, huge, drafts) => Resolve(Hotels(capacities, huge == 0), drafts));

    private static IReadOnlyList<HotelPlan> Hotels(int[] capacities, bool withHugeName)
    {
        var hotels = new List<HotelPlan>
        {
            new("h1", [(RoomTypes[0], capacities[0]), (RoomTypes[1], capacities[1])], false),
            new("h2", [(RoomTypes[0], capacities[2]), (RoomTypes[1], capacities[3])], false),
        };
        if (withHugeName)
        {
            hotels.Add(new("h3", [(RoomTypes[0], 1)], true));
        }

        return hotels;
    }

    private static Workload Resolve(IReadOnlyList<HotelPlan> hotels, int[][] drafts)
    {
        var commands = new List<WorkloadCommand>();
        var books = new List<BookCommand>();
        var sendable = new List<WorkloadCommand>();
        for (var i = 0; i < drafts.Length; i++)
        {
            var d = drafts[i];
            var id = $"c{i + 1}";
            var kind = d[0] % 100;
            var delivery = (d[7] % 100) switch
            {
                < 8 => Delivery.Twice,
                < 16 when sendable.Count > 0 => Delivery.ReusesId,
                _ => Delivery.Once,
            };
            if (delivery == Delivery.ReusesId)
            {
                id = sendable[d[8] % sendable.Count].Id;
            }

            WorkloadCommand command;
            if (kind < 55)
            {
                var book = new BookCommand(id, delivery, Guests[d[1] % Guests.Length], hotels[d[2] % hotels.Count].Id, RoomTypes[d[3] % RoomTypes.Length],
                    kind < 52 ? BookingIds[d[4] % BookingIds.Length] : OverLongBookingId, d[5] % 3, 1 + d[6] % 3);
                books.Add(book);
                command = book;
            }
            else if (kind < 88)
            {
                command = Cancel(id, delivery, d, hotels, books);
            }
            else
            {
                command = new MalformedCommand($"c{i + 1}", (MalformedKind)(d[1] % 4));
            }

            commands.Add(command);
            if (command is not MalformedCommand && command.Delivery != Delivery.ReusesId)
            {
                sendable.Add(command);
            }
        }

        return new Workload(hotels, commands);
    }

    // Most cancellations aim at a booking the workload made, by its guest, another guest or the admin; the rest at any id.
    private static CancelCommand Cancel(string id, Delivery delivery, int[] d, IReadOnlyList<HotelPlan> hotels, List<BookCommand> books)
    {
        var actorRoll = d[1] % 10;
        var randomGuest = Guests[d[4] % Guests.Length];
        if (books.Count > 0 && d[8] % 10 < 9)
        {
            var target = books[d[5] % books.Count];
            var actor = actorRoll switch
            {
                < 2 => CancelCommand.Admin,
                < 8 => target.Guest,
                _ => randomGuest,
            };
            return new CancelCommand(id, delivery, actor, target.Hotel, target.RoomType, target.BookingId);
        }

        return new CancelCommand(id, delivery, actorRoll < 2 ? CancelCommand.Admin : randomGuest,
            hotels[d[2] % hotels.Count].Id, RoomTypes[d[3] % RoomTypes.Length], BookingIds[d[6] % BookingIds.Length]);
    }
}
