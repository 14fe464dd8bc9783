using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.SQS;
using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.Functions.StepFunctions.Model;
using StepFunctionsCqrs.LocalCloud.Bootstrap;
using StepFunctionsCqrs.LocalCloud.Edge;

namespace StepFunctionsCqrs.LocalCloud.Demo;

/// <summary>
/// The hotel booking story end to end through the local cloud: register a hotel, book, race three guests for the
/// last room, cancel and watch the waitlist promote, then show the views and one execution's history.
/// Every step checks what it expects; the demo passes only when all checks do. It submits and reads as the local
/// admin, who may act for every guest of the story.
/// </summary>
public sealed class HotelDemo(Uri edge, CreatedResources resources, AWSCredentials admin, TextWriter output)
{
    private const string Region = "us-east-1";
    private const string RoomType = "double";
    // A month ahead, so the stay can be booked and cancelled whatever day the demo runs.
    private static readonly DateOnly CheckIn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
    private static readonly DateOnly CheckOut = CheckIn.AddDays(2);
    private readonly List<string> failures = [];
    private readonly List<string> commandIds = [];

    /// <summary>Runs the story; true when every check passed.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();

        // A fresh hotel per run, so the demo also works on a state folder that already holds earlier runs.
        var run = DateTimeOffset.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
        var hotel = $"harbour-{run}";
        using var sqs = new AmazonSQSClient(admin, new AmazonSQSConfig { ServiceURL = edge.ToString(), AuthenticationRegion = Region });
        using var http = SignedHttpClient.Create(edge, admin, Region);
        using var stepFunctions = new StepFunctionsClient(new StepFunctionsClientOptions(edge, Region, admin));
        var client = new DemoClient(sqs, resources.CommandsQueueUrl, http);

        try
        {
            Heading($"1. Register hotel '{hotel}' with 2 '{RoomType}' rooms (admin)");
            var registered = await SubmitAsync(client, DemoCommands.RegisterHotel(Id(run, "register"), "admin-ana", hotel, "Harbour Hotel", RoomType, 2), cancellationToken);
            Check(Status(registered) == "Accepted", "the hotel is registered", $"status {Status(registered)}");

            Heading("2. Alice books one of the two rooms");
            var alice = await SubmitAsync(client, DemoCommands.BookRoom(Id(run, "book-alice"), "alice", hotel, RoomType, $"bk-alice-{run}", CheckIn, CheckOut), cancellationToken);
            Check(Status(alice) == "Accepted", "Alice's booking is accepted", $"status {Status(alice)}");
            Check(await BookingStatusAsync(client, "alice", $"bk-alice-{run}", cancellationToken) == "Booked", "Alice holds a room", "not booked");

            Heading("3. Bob, Carol and Dave race for the last room (sent at the same moment)");
            string[] racers = ["bob", "carol", "dave"];
            var raceIds = await Task.WhenAll(racers.Select(g =>
                client.SendAsync(DemoCommands.BookRoom(Id(run, $"book-{g}"), g, hotel, RoomType, $"bk-{g}-{run}", CheckIn, CheckOut), cancellationToken)));
            commandIds.AddRange(raceIds);
            await Task.WhenAll(raceIds.Select(id => client.WaitForStatusAsync(id, cancellationToken)));
            var outcomes = new Dictionary<string, string?>();
            foreach (var guest in racers)
            {
                outcomes[guest] = await BookingStatusAsync(client, guest, $"bk-{guest}-{run}", cancellationToken);
                output.WriteLine($"   {guest,-6} → {outcomes[guest]}");
            }

            var winners = outcomes.Where(p => p.Value == "Booked").Select(p => p.Key).ToList();
            var waitlisted = outcomes.Where(p => p.Value == "Waitlisted").Select(p => p.Key).ToList();
            Check(winners.Count == 1 && waitlisted.Count == 2,
                $"exactly one guest got the last room ({string.Join(", ", winners)}), the others are waitlisted ({string.Join(", ", waitlisted)})",
                $"booked: [{string.Join(", ", winners)}], waitlisted: [{string.Join(", ", waitlisted)}]");

            Heading("4. Alice cancels; the oldest waitlisted guest is promoted");
            var cancelId = Id(run, "cancel-alice");
            var cancelled = await SubmitAsync(client, DemoCommands.CancelBooking(cancelId, "alice", hotel, RoomType, $"bk-alice-{run}"), cancellationToken);
            Check(Status(cancelled) == "Accepted", "the cancellation is accepted", $"status {Status(cancelled)}");
            var promoted = new List<string>();
            foreach (var guest in waitlisted)
            {
                var row = await BookingRowAsync(client, guest, $"bk-{guest}-{run}", cancellationToken);
                if (row?["status"]?.GetValue<string>() == "Booked" && row["fromWaitlist"]?.GetValue<bool>() == true)
                {
                    promoted.Add(guest);
                }
            }

            Check(promoted.Count == 1, $"{string.Join(", ", promoted)} was promoted from the waitlist", $"promoted: [{string.Join(", ", promoted)}]");
            Check(await BookingStatusAsync(client, "alice", $"bk-alice-{run}", cancellationToken) == "Cancelled", "Alice's booking shows as cancelled", "not cancelled");

            Heading("5. The views");
            var from = CheckIn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var to = CheckOut.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var availability = await client.GetAsync($"hotels/{hotel}/room-types/{RoomType}/availability?from={from}&to={to}", cancellationToken);
            output.WriteLine($"   availability {hotel}/{RoomType} {from}..{to}:");
            foreach (var night in availability?["nights"]?.AsArray() ?? [])
            {
                output.WriteLine($"     {night!["date"]}: {night["roomsLeft"]} of {availability!["capacity"]} left");
            }

            Check(availability?["nights"]?.AsArray().All(n => n!["roomsLeft"]!.GetValue<int>() == 0) == true, "no rooms are left on either night", "rooms left");
            output.WriteLine("   guest bookings:");
            foreach (var guest in new[] { "alice" }.Concat(racers))
            {
                foreach (var booking in (await client.GetAsync($"guests/{guest}/bookings", cancellationToken))?["bookings"]?.AsArray() ?? [])
                {
                    if (booking!["hotelId"]?.GetValue<string>() == hotel)
                    {
                        var fromWaitlist = booking["fromWaitlist"]?.GetValue<bool>() == true ? " (from waitlist)" : "";
                        output.WriteLine($"     {guest,-6} {booking["bookingId"],-24} {booking["status"]}{fromWaitlist}");
                    }
                }
            }

            var arrivals = await client.GetAsync($"hotels/{hotel}/arrivals?date={from}", cancellationToken);
            var arriving = arrivals?["arrivals"]?.AsArray().Select(a => a!["guestId"]!.GetValue<string>()).Order().ToList() ?? [];
            output.WriteLine($"   arrivals at {hotel} on {from}: {string.Join(", ", arriving)}");
            Check(arriving.Count == 2 && !arriving.Contains("alice"), "two guests arrive, Alice is not among them", $"arrivals: [{string.Join(", ", arriving)}]");
            output.WriteLine("   command statuses:");
            foreach (var id in commandIds)
            {
                var status = await client.GetAsync($"commands/{id}", cancellationToken);
                output.WriteLine($"     {id,-34} {status?["status"]}");
            }

            Heading($"6. Execution history of '{cancelId}' (the cancellation with its promotion)");
            var executionArn = resources.StateMachineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + cancelId;
            var events = new List<HistoryEvent>();
            string? token = null;
            do
            {
                var page = await stepFunctions.GetExecutionHistoryAsync(new GetExecutionHistoryRequest(executionArn) { NextToken = token, MaxResults = 50 }, cancellationToken);
                events.AddRange(page.Events);
                token = page.NextToken;
            }
            while (token is not null);

            output.WriteLine(HistoryTimeline.Format(events));
            Check(events.LastOrDefault()?.Type == "ExecutionSucceeded", "the execution succeeded", events.LastOrDefault()?.Type ?? "no events");
            output.WriteLine($"   In the console: {edge}console/executions/{LocalResources.StateMachineName}/{cancelId} and {edge}console/commands/{cancelId}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failures.Add($"the demo stopped: {e.Message}");
            output.WriteLine($"   ✘ the demo stopped: {e.GetType().Name}: {e.Message}");
        }

        output.WriteLine();
        output.WriteLine(failures.Count == 0
            ? $"Demo passed: every check held ({clock.Elapsed.TotalSeconds:0.0} s)."
            : $"Demo FAILED ({failures.Count} check(s)): {string.Join("; ", failures)}");
        return failures.Count == 0;
    }

    private async Task<JsonObject> SubmitAsync(DemoClient client, JsonObject command, CancellationToken cancellationToken)
    {
        var id = await client.SendAsync(command, cancellationToken);
        commandIds.Add(id);
        output.WriteLine($"   sent {command["type"]} {id}");
        var status = await client.WaitForStatusAsync(id, cancellationToken);
        output.WriteLine($"   → {Status(status)}{Reasons(status)}");
        return status;
    }

    private static async Task<JsonObject?> BookingRowAsync(DemoClient client, string guest, string bookingId, CancellationToken cancellationToken) =>
        (await client.GetAsync($"guests/{guest}/bookings", cancellationToken))?["bookings"]?.AsArray()
            .Select(b => b!.AsObject()).FirstOrDefault(b => b["bookingId"]?.GetValue<string>() == bookingId);

    private static async Task<string?> BookingStatusAsync(DemoClient client, string guest, string bookingId, CancellationToken cancellationToken) =>
        (await BookingRowAsync(client, guest, bookingId, cancellationToken))?["status"]?.GetValue<string>();

    private static string? Status(JsonObject status) => status["status"]?.GetValue<string>();

    private static string Reasons(JsonObject status) =>
        status["reasons"] is JsonArray { Count: > 0 } reasons ? $" ({string.Join("; ", reasons.Select(r => r!["message"]))})" : "";

    private static string Id(string run, string step) => $"demo-{run}-{step}";

    private void Heading(string text)
    {
        output.WriteLine();
        output.WriteLine(text);
    }

    private void Check(bool holds, string expectation, string actual)
    {
        if (holds)
        {
            output.WriteLine($"   ✔ {expectation}");
        }
        else
        {
            failures.Add($"expected {expectation}, got {actual}");
            output.WriteLine($"   ✘ expected {expectation}, got {actual}");
        }
    }
}
