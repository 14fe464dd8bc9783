using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Cli.Queries;
using StepFunctionsCqrs.Domain.Hotels;
using StepFunctionsCqrs.EndToEnd.Tests.Driving;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Testing;

namespace StepFunctionsCqrs.EndToEnd.Tests.Scenarios;

/// <summary>The scenarios every target runs: commands in through SQS only, outcomes and views out.</summary>
public static class PipelineScenarios
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    /// <summary>Each command type reaches Accepted, and bad ones Rejected with reasons; the views follow.</summary>
    public static async Task EveryCommandTypeEndsAcceptedOrRejectedWithReasonsAsync(StackDriver stack)
    {
        var hotel = Ids.Fresh("happy");
        var night = new DateOnly(2030, 3, 1);
        var register = stack.Envelopes.RegisterHotel(Envelope.Admin(), hotel, "Happy Hotel", [new RoomTypeSpec("double", 1)]);
        var notAdmin = stack.Envelopes.RegisterHotel(Envelope.Guest("eve"), Ids.Fresh("other"), "Eve's Hotel", [new RoomTypeSpec("double", 1)]);
        await RunAsync(stack, [register, notAdmin]);

        var annBooks = stack.Envelopes.BookRoom(Envelope.Guest("ann"), hotel, "double", "bk-ann", night, night.AddDays(2));
        var unknownRoom = stack.Envelopes.BookRoom(Envelope.Guest("ann"), hotel, "suite", "bk-suite", night, night.AddDays(1));
        await RunAsync(stack, [annBooks, unknownRoom]);
        var bobWaits = stack.Envelopes.BookRoom(Envelope.Guest("bob"), hotel, "double", "bk-bob", night.AddDays(1), night.AddDays(2));
        await RunAsync(stack, [bobWaits]);
        var bobCancelsAnns = stack.Envelopes.CancelBooking(Envelope.Guest("bob"), hotel, "double", "bk-ann");
        await RunAsync(stack, [bobCancelsAnns]);
        var annCancels = stack.Envelopes.CancelBooking(Envelope.Guest("ann"), hotel, "double", "bk-ann");
        await RunAsync(stack, [annCancels]);

        await AssertOutcomeAsync(stack, register, CommandOutcome.Accepted);
        await AssertOutcomeAsync(stack, annBooks, CommandOutcome.Accepted);
        await AssertOutcomeAsync(stack, bobWaits, CommandOutcome.Accepted);
        await AssertOutcomeAsync(stack, annCancels, CommandOutcome.Accepted);
        await AssertOutcomeAsync(stack, notAdmin, CommandOutcome.Rejected, "NotAdmin");
        await AssertOutcomeAsync(stack, unknownRoom, CommandOutcome.Rejected, "UnknownRoomType");
        await AssertOutcomeAsync(stack, bobCancelsAnns, CommandOutcome.Rejected, "NotBookingOwner");

        var bob = await BookingsOfAsync(stack, "bob");
        var promoted = Assert.Single(bob, b => b.GetProperty("bookingId").GetString() == "bk-bob");
        Assert.Equal("Booked", promoted.GetProperty("status").GetString());
        Assert.True(promoted.GetProperty("fromWaitlist").GetBoolean());
        var ann = Assert.Single(await BookingsOfAsync(stack, "ann"), b => b.GetProperty("bookingId").GetString() == "bk-ann");
        Assert.Equal("Cancelled", ann.GetProperty("status").GetString());
        Assert.Equal(new[] { 1, 0 }, await RoomsLeftAsync(stack, hotel, "double", night, night.AddDays(2)));
    }

    /// <summary><c>cqrs trace</c> prints the execution's states in the order the workflow ran them.</summary>
    public static async Task TraceShowsTheStatesOfOneExecutionInOrderAsync(StackDriver stack)
    {
        var hotel = Ids.Fresh("trace");
        var register = stack.Envelopes.RegisterHotel(Envelope.Admin(), hotel, "Trace Hotel", [new RoomTypeSpec("double", 2)]);
        var rejected = stack.Envelopes.BookRoom(Envelope.Guest("tom"), hotel, "double", "bk-t", new DateOnly(2030, 3, 5), new DateOnly(2030, 3, 4));
        await RunAsync(stack, [register]);
        await RunAsync(stack, [rejected]);

        var (code, console, _) = await stack.CliAsync("trace", Envelope.IdOf(register));
        Assert.True(code == 0, console);
        var names = StateColumn(console);
        string[] spine = ["Validate", "IsValid", "Persist", "IsDecided", "Project", "RecordAccepted", "Accepted"];
        Assert.Equal(spine, names.Where(spine.Contains));
        var project = names.IndexOf("Project");
        var record = names.IndexOf("RecordAccepted");
        foreach (var branch in new[] { "ProjectAvailability", "ProjectGuestBookings", "ProjectArrivals" })
        {
            Assert.InRange(names.IndexOf(branch), project + 1, record - 1);
        }

        Assert.Contains("ExecutionSucceeded", console);

        var (rejectedCode, rejectedConsole, _) = await stack.CliAsync("trace", Envelope.IdOf(rejected));
        Assert.Equal(0, rejectedCode);
        var rejectedNames = StateColumn(rejectedConsole);
        Assert.DoesNotContain("Project", rejectedNames);
        Assert.Contains(rejectedNames, n => n is "RecordInvalid" or "RecordDeclined");
    }

    /// <summary>Every message of a 100-command run delivered three times leaves the views as one delivery does, with one execution and one commit per command.</summary>
    public static async Task TripleDeliveryLeavesTheViewsAsOneDeliveryDoesAsync(StackDriver stack)
    {
        var tripled = new DuplicateRun(Ids.Fresh("dupA"));
        var single = new DuplicateRun(Ids.Fresh("dupB"));
        foreach (var phase in new[] { 0, 1, 2 })
        {
            var tripledPhase = tripled.Phase(stack, phase);
            var singlePhase = single.Phase(stack, phase);
            var bodies = tripledPhase.SelectMany(e => Enumerable.Repeat(e.ToJsonString(), 3)).Concat(singlePhase.Select(e => e.ToJsonString())).ToList();
            Shuffle(bodies, phase);
            await stack.SendAllAsync(bodies, concurrency: 24);
            var outcomes = await stack.WaitForOutcomesAsync([.. tripledPhase.Concat(singlePhase).Select(Envelope.IdOf)], Patience);
            Assert.All(outcomes.Values, status => Assert.Equal("Accepted", status));
        }

        Assert.Equal(100, tripled.CommandIds.Count);
        Assert.Equal(await single.ViewsAsync(stack), await tripled.ViewsAsync(stack));

        var executions = await stack.ExecutionNamesAsync();
        var tripledIds = tripled.CommandIds.ToHashSet();
        Assert.Equal(100, executions.Count(tripledIds.Contains));
        var commits = new List<string>();
        foreach (var aggregate in tripled.InventoryAggregates)
        {
            var log = await stack.CommitsOfAsync(aggregate);
            Assert.Equal(Enumerable.Range(1, log.Count).Select(v => (long)v), log.Select(c => c.Version).Order());
            commits.AddRange(log.Select(c => c.CommandId));
        }

        // The registration opens every inventory with one commit each; every other command appended exactly once.
        Assert.Equal(99, commits.Count(id => id != tripled.CommandIds[0]));
        Assert.Equal(commits.Count(id => id != tripled.CommandIds[0]), commits.Where(id => id != tripled.CommandIds[0]).Distinct().Count());
    }

    /// <summary>50 guests racing for 10 rooms: exactly 10 booked, 40 waitlisted, never fewer than 0 rooms; 5 cancellations promote the 5 oldest waitlisted.</summary>
    public static async Task FiftyGuestsRacingForTenRoomsAsync(StackDriver stack)
    {
        var hotel = Ids.Fresh("race");
        var night = new DateOnly(2030, 5, 1);
        await RunAsync(stack, [stack.Envelopes.RegisterHotel(Envelope.Admin(), hotel, "Race Hotel", [new RoomTypeSpec("std", 10)])]);

        var readings = new ConcurrentQueue<int>();
        using var watching = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (!watching.IsCancellationRequested)
            {
                if (await RoomsLeftOrNullAsync(stack, hotel, "std", night, night.AddDays(1)) is [var left])
                {
                    readings.Enqueue(left);
                }

                await Task.Delay(50);
            }
        });

        var bookings = Enumerable.Range(0, 50)
            .Select(i => stack.Envelopes.BookRoom(Envelope.Guest($"{hotel}-g{i}"), hotel, "std", $"rb-{i}", night, night.AddDays(1))).ToList();
        await stack.SubmitAllAsync(bookings, concurrency: 50);
        var outcomes = await stack.WaitForOutcomesAsync([.. bookings.Select(Envelope.IdOf)], Patience);
        Assert.All(outcomes.Values, status => Assert.Equal("Accepted", status));
        // Readings taken while the bookings were being decided, not only after: a watcher that never read while rooms
        // were being taken would prove nothing about availability during the race.
        var duringRace = readings.ToArray();
        Assert.True(duringRace.Length > 0, "The watcher took no reading of availability while the bookings raced.");
        Assert.Contains(duringRace, left => left < 10);

        var rows = await GuestRowsAsync(stack, hotel, 50);
        Assert.Equal(10, rows.Count(r => r.Status == "Booked"));
        Assert.Equal(40, rows.Count(r => r.Status == "Waitlisted"));
        Assert.Equal(new[] { 0 }, await RoomsLeftAsync(stack, hotel, "std", night, night.AddDays(1)));

        var oldestWaitlisted = rows.Where(r => r.Status == "Waitlisted").OrderBy(r => r.Version).Take(5).Select(r => r.BookingId).ToHashSet();
        var cancellations = rows.Where(r => r.Status == "Booked").Take(5)
            .Select(r => stack.Envelopes.CancelBooking(Envelope.Guest(r.GuestId), hotel, "std", r.BookingId)).ToList();
        await RunAsync(stack, cancellations);

        await watching.CancelAsync();
        await watcher;
        var after = await GuestRowsAsync(stack, hotel, 50);
        Assert.Equal(oldestWaitlisted, after.Where(r => r.FromWaitlist && r.Status == "Booked").Select(r => r.BookingId).ToHashSet());
        Assert.Equal(10, after.Count(r => r.Status == "Booked"));
        Assert.Equal(35, after.Count(r => r.Status == "Waitlisted"));
        Assert.Equal(5, after.Count(r => r.Status == "Cancelled"));
        Assert.Equal(new[] { 0 }, await RoomsLeftAsync(stack, hotel, "std", night, night.AddDays(1)));
        var seen = readings.ToArray();
        Assert.True(seen.Length > duringRace.Length, "The watcher took no reading while the cancellations promoted the waitlist.");
        Assert.True(seen.All(left => left is >= 0 and <= 10), $"Availability left the range 0..10: {string.Join(", ", seen.Where(left => left is < 0 or > 10).Distinct())}.");
    }

    /// <summary>
    /// 200 malformed or hostile messages mixed into valid traffic each end Rejected with reasons or dead-lettered with a
    /// reason; forged and unsigned sends are refused with 403 and leave no outcome; every valid command completes.
    /// </summary>
    public static async Task HostileMessagesEndRejectedOrDeadLetteredWhileValidTrafficCompletesAsync(StackDriver stack)
    {
        var hotel = Ids.Fresh("bad");
        var night = new DateOnly(2030, 6, 1);
        await RunAsync(stack, [stack.Envelopes.RegisterHotel(Envelope.Admin(), hotel, "Bad Input Hotel", [new RoomTypeSpec("std", 100)])]);

        var restore = await stack.VisibilityTimeoutAsync();
        // Redeliveries of unusable messages are paced by the visibility timeout; a short one dead-letters them in seconds.
        await stack.SetVisibilityTimeoutAsync(2);
        try
        {
            var traffic = HostileTraffic.Build(stack, hotel, night);
            var valid = Enumerable.Range(0, 40)
                .Select(i => stack.Envelopes.BookRoom(Envelope.Guest($"{hotel}-g{i}"), hotel, "std", $"ok-{i}", night.AddDays(i % 5), night.AddDays(i % 5 + 1))).ToList();
            var sends = traffic.Select(t => (Hostile: (HostileMessage?)t, Send: (Func<Task<string?>>)(() => t.SendAsync(stack))))
                .Concat(valid.Select(v => (Hostile: (HostileMessage?)null, Send: (Func<Task<string?>>)(async () => await stack.Submitter.SendRawAsync(v.ToJsonString(), CancellationToken.None)))))
                .ToList();
            Shuffle(sends, 7);
            var sentIds = new ConcurrentDictionary<HostileMessage, string>();
            await Parallel.ForEachAsync(sends, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (send, _) =>
            {
                var messageId = await send.Send();
                if (send.Hostile is { } hostile && messageId is not null)
                {
                    sentIds[hostile] = messageId;
                }
            });
            Assert.Equal(stack.Target.ForgedCredentials is null ? 200 : 220, traffic.Count);
            var refused = traffic.Where(t => t.Door is not null).ToList();
            var admitted = traffic.Where(t => t.Door is null).ToList();

            var validOutcomes = await stack.WaitForOutcomesAsync([.. valid.Select(Envelope.IdOf)], Patience);
            Assert.All(validOutcomes.Values, status => Assert.Equal("Accepted", status));

            var rejectable = traffic.Where(t => t.CommandId is not null).ToList();
            var deadline = DateTimeOffset.UtcNow + Patience;
            IReadOnlyDictionary<string, string> outcomes;
            IReadOnlyList<StepFunctionsCqrs.Functions.DeadLetters.DeadLetter> dead;
            List<HostileMessage> unsettled;
            do
            {
                outcomes = await stack.Poller.ReadAsync([.. rejectable.Select(t => t.CommandId!)], CancellationToken.None);
                dead = await stack.DeadLettersAsync();
                var deadIds = dead.Select(d => d.MessageId).ToHashSet();
                unsettled = [.. admitted.Where(t => !(t.CommandId is { } id && outcomes.ContainsKey(id)) && !deadIds.Contains(sentIds[t]))];
                if (unsettled.Count > 0)
                {
                    await Task.Delay(1000);
                }
            }
            while (unsettled.Count > 0 && DateTimeOffset.UtcNow < deadline);

            Assert.True(unsettled.Count == 0, $"{unsettled.Count} hostile messages neither rejected nor dead-lettered: {string.Join("; ", unsettled.Take(5).Select(u => u.Kind))}");
            // Refused at the door: by now every admitted message has settled, and none of these has left a trace.
            Assert.All(refused, message => Assert.False(outcomes.ContainsKey(message.CommandId!), $"A {message.Kind} command reached the pipeline and has an outcome."));
            foreach (var message in admitted)
            {
                if (message.CommandId is { } id && outcomes.TryGetValue(id, out var status))
                {
                    Assert.True(status == "Rejected", $"{message.Kind} ({id}) ended {status}, not Rejected.");
                    var record = await stack.StatusAsync(id);
                    Assert.NotEmpty(record.Reasons ?? []);
                    Assert.All(record.Reasons!, r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));
                }
                else
                {
                    Assert.True(message.MayDeadLetter, $"{message.Kind} was dead-lettered but should have been rejected with reasons.");
                    var letter = Assert.Single(dead, d => d.MessageId == sentIds[message]);
                    Assert.False(string.IsNullOrWhiteSpace(letter.Reason));
                }
            }
        }
        finally
        {
            await stack.SetVisibilityTimeoutAsync(restore);
        }
    }

    /// <summary>Dropping a view and running <c>cqrs replay</c> gives back the same view; a second replay writes nothing.</summary>
    public static async Task ReplayRebuildsADroppedViewAsync(StackDriver stack)
    {
        var hotel = Ids.Fresh("replay");
        var night = new DateOnly(2030, 7, 1);
        await RunAsync(stack, [stack.Envelopes.RegisterHotel(Envelope.Admin(), hotel, "Replay Hotel", [new RoomTypeSpec("double", 2), new RoomTypeSpec("single", 1)])]);
        await RunAsync(stack, [.. Enumerable.Range(0, 6).Select(i => stack.Envelopes.BookRoom(
            Envelope.Guest($"{hotel}-g{i}"), hotel, i % 2 == 0 ? "double" : "single", $"rp-{i}", night.AddDays(i % 3), night.AddDays(i % 3 + 2)))]);
        await RunAsync(stack, [stack.Envelopes.CancelBooking(Envelope.Guest($"{hotel}-g0"), hotel, "double", "rp-0")]);

        var table = stack.Context.Settings.Tables.Availability;
        var before = await TableSnapshot.TakeAsync(stack.Context.Clients.DynamoDb, table);
        Assert.Contains(before, line => line.Contains(hotel, StringComparison.Ordinal));
        await stack.Context.Clients.DynamoDb.DeleteTableAsync(table);

        var (code, console, _) = await stack.CliAsync("replay");
        Assert.True(code == 0, console);
        Assert.Equal(before, await TableSnapshot.TakeAsync(stack.Context.Clients.DynamoDb, table));

        var (againCode, again, _) = await stack.CliAsync("replay");
        Assert.Equal(0, againCode);
        Assert.Contains(" 0 written", again);
        Assert.Equal(before, await TableSnapshot.TakeAsync(stack.Context.Clients.DynamoDb, table));
    }

    /// <summary>
    /// <c>cqrs bench</c> runs its commands through SQS to an outcome each and reports throughput, ordered latency
    /// percentiles, the writes each command made and the store's own bound; the figures themselves depend on the machine.
    /// </summary>
    public static async Task BenchReportsEveryCommandAcceptedWithItsFiguresAsync(StackDriver stack)
    {
        var (code, console, output) = await stack.CliAsync("bench", "-n", "300", "--warmup", "50", "--probe-writes", "500", "--room-types", "10");

        Assert.True(code == 0, console);
        Assert.Contains("Accepted 300", console);
        var figures = System.Text.RegularExpressions.Regex.Match(output,
            @"bench commands=300 warmup=50 throughput=(?<tp>[\d.]+)/s p50=(?<p50>\d+) ms p95=(?<p95>\d+) ms p99=(?<p99>\d+) ms " +
            @"writesPerCommand=(?<w>[\d.]+) storeWrites=(?<sw>[\d.]+)/s storeWritesBefore=(?<before>[\d.]+)/s storeWritesAfter=(?<after>[\d.]+)/s " +
            @"storeBound=(?<sb>[\d.]+)/s ratio=(?<r>[\d.]+)");
        Assert.True(figures.Success, output);
        double F(string name) => double.Parse(figures.Groups[name].Value, System.Globalization.CultureInfo.InvariantCulture);

        // A booking of one night: the ledger claim, the commit, the capacity and night rows of availability, one row in
        // each of the other two views, and the status.
        Assert.Equal(7.0, F("w"));
        Assert.True(F("tp") > 0 && F("sw") > 0 && F("r") > 0, output);
        Assert.True(F("p50") <= F("p95") && F("p95") <= F("p99"), output);
        Assert.Equal(Math.Max(F("before"), F("after")), F("sw"));
        Assert.Equal(F("sw") / F("w"), F("sb"), 0.1);
    }

    /// <summary>Sends envelopes and waits until each has an outcome.</summary>
    public static async Task RunAsync(StackDriver stack, IReadOnlyList<JsonObject> envelopes)
    {
        var ids = await stack.SubmitAllAsync(envelopes);
        await stack.WaitForOutcomesAsync(ids, Patience);
    }

    /// <summary>Rooms left per night in [from, to).</summary>
    public static async Task<int[]> RoomsLeftAsync(StackDriver stack, string hotel, string roomType, DateOnly from, DateOnly to) =>
        await RoomsLeftOrNullAsync(stack, hotel, roomType, from, to) ?? throw new InvalidOperationException($"No availability for {hotel}/{roomType}.");

    /// <summary>A guest booking as the view shows it.</summary>
    public sealed record GuestRow(string GuestId, string BookingId, string Status, bool FromWaitlist, long Version);

    /// <summary>The rows of guests <c>{hotel}-g0</c> to <c>{hotel}-g{count-1}</c>.</summary>
    public static async Task<IReadOnlyList<GuestRow>> GuestRowsAsync(StackDriver stack, string hotel, int count)
    {
        var rows = new List<GuestRow>();
        for (var i = 0; i < count; i++)
        {
            var guest = $"{hotel}-g{i}";
            rows.AddRange((await BookingsOfAsync(stack, guest)).Select(b => new GuestRow(
                guest, b.GetProperty("bookingId").GetString()!, b.GetProperty("status").GetString()!, b.GetProperty("fromWaitlist").GetBoolean(), b.GetProperty("version").GetInt64())));
        }

        return rows;
    }

    private static async Task<int[]?> RoomsLeftOrNullAsync(StackDriver stack, string hotel, string roomType, DateOnly from, DateOnly to)
    {
        var answer = await stack.ReadAsync(ReadRoutes.Availability(hotel, roomType, from, to));
        if (!answer.Found)
        {
            return null;
        }

        using var document = JsonDocument.Parse(answer.Body);
        return [.. document.RootElement.GetProperty("nights").EnumerateArray().Select(n => n.GetProperty("roomsLeft").GetInt32())];
    }

    private static async Task<IReadOnlyList<JsonElement>> BookingsOfAsync(StackDriver stack, string guest)
    {
        var answer = await stack.ReadAsync(ReadRoutes.GuestBookings(guest));
        if (!answer.Found)
        {
            return [];
        }

        using var document = JsonDocument.Parse(answer.Body);
        return [.. document.RootElement.GetProperty("bookings").EnumerateArray().Select(b => b.Clone())];
    }

    private static async Task AssertOutcomeAsync(StackDriver stack, JsonObject envelope, CommandOutcome expected, string? reasonCode = null)
    {
        var record = await stack.StatusAsync(Envelope.IdOf(envelope));
        Assert.True(record.Status == expected, $"{envelope["type"]} {Envelope.IdOf(envelope)} ended {record.Status}: {string.Join("; ", (record.Reasons ?? []).Select(r => r.Message))}");
        if (reasonCode is not null)
        {
            Assert.Contains(record.Reasons ?? [], r => r.Code == reasonCode && r.Message.Length > 0);
        }
    }

    // The state column of the rendered timeline, in row order.
    private static List<string> StateColumn(string console) =>
        [.. console.Split('\n').Select(l => l.Split('│')).Where(cells => cells.Length > 4 && int.TryParse(cells[1].Trim(), out _)).Select(cells => cells[3].Trim())];

    private static void Shuffle<T>(IList<T> items, int seed)
    {
        var random = new Random(seed);
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
