using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl;
using StepFunctionsCqrs.Asl.History;
using StepFunctionsCqrs.Asl.Invokers;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Functions.Authorization;
using StepFunctionsCqrs.Functions.Commands;
using StepFunctionsCqrs.Functions.Contracts;
using StepFunctionsCqrs.Functions.Dispatching;
using StepFunctionsCqrs.Functions.Handlers;
using StepFunctionsCqrs.Functions.Json;
using StepFunctionsCqrs.Functions.Tests.TestKit;
using StepFunctionsCqrs.Testing;
using Xunit.Abstractions;
using static StepFunctionsCqrs.Functions.Tests.TestKit.Envelopes;
using ExecutionStatus = StepFunctionsCqrs.Asl.ExecutionStatus;

namespace StepFunctionsCqrs.Functions.Tests.Workflow;

/// <summary>
/// The largest commands the limits allow, run through the real state machine definition on the ASL engine with the real
/// handlers against dynalite, with every state's input and output measured as Step Functions measures them.
/// </summary>
[Collection(DynaliteCollection.Name)]
public sealed class StatePayloadSizeTests(Dynalite dynalite, ITestOutputHelper output)
{
    private const string FunctionArnPrefix = "arn:aws:lambda:us-east-1:123456789012:function:";

    // Step Functions' payload limit, and the share of it the largest state may use: the rest is margin for fields
    // added later and for a serializer that escapes more than ours.
    private const int StepFunctionsLimit = 256 * 1024;
    private const int Budget = StepFunctionsLimit * 3 / 4;

    private static readonly SenderRoles Senders = SenderRoles.Parse($$"""{"{{CommandApiSender}}":["command-api"]}""", "test configuration");

    private static readonly JsonSerializerOptions Utf8AsSent = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // A character JSON must escape as \u0001: six bytes for one character, the most any character costs.
    private static string Widest(int length) => new('\u0001', length);

    private static string Id(char c, int length = Identifiers.MaxIdLength) => new(c, length);

    [Fact]
    public async Task A_registration_with_every_field_at_its_limit_in_a_body_of_the_largest_size_keeps_every_state_under_three_quarters_of_the_limit()
    {
        var pipeline = new TestKit.Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());
        var command = AtLimits(RegisterHotel("r", 1), 'r');
        command["payload"] = new JsonObject
        {
            ["hotelId"] = Id('h'),
            ["name"] = Widest(FieldLimits.MaxHotelNameLength),
            ["roomTypes"] = new JsonArray([.. Enumerable.Range(0, FieldLimits.MaxRoomTypes).Select(i => (JsonNode)new JsonObject
            {
                ["roomTypeId"] = $"{i:D2}{Id('t', Identifiers.MaxIdLength - 2)}", ["capacity"] = InventoryDecisions.MaxCapacity,
            })]),
        };

        var sizes = await RunAsync(pipeline, PaddedToTheBodyLimit(command));

        Assert.True(sizes.AfterPersist <= Budget, $"After Persist the state is {sizes.AfterPersist} bytes; the budget is {Budget}.");
        Assert.True(sizes.Largest <= Budget, $"The largest state payload is {sizes.Largest} bytes; the budget is {Budget}.");
    }

    [Fact]
    public async Task A_cancellation_that_promotes_the_most_waitlisted_stays_in_a_body_of_the_largest_size_keeps_every_state_under_three_quarters_of_the_limit()
    {
        var pipeline = new TestKit.Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());
        var hotelId = Id('h');
        var roomTypeId = Id('t');
        await pipeline.RunAsync(RegisterHotel("setup-hotel", 1, hotelId, roomTypeId));
        var first = new DateOnly(2027, 6, 1);
        var nights = StayRules.MaxNights;
        await BookAsync(pipeline, hotelId, roomTypeId, 0, first, first.AddDays(nights), expectBooked: true);

        // Freeing one room on 30 nights can promote at most 30 stays, each holding one of those nights: a 30-night stay
        // ending on the first, one-night stays on the 28 between, a 30-night stay starting on the last. Together they
        // touch the most nights and bookings one cancellation can.
        await BookAsync(pipeline, hotelId, roomTypeId, 1, first.AddDays(1 - nights), first.AddDays(1), expectBooked: false);
        for (var night = 1; night < nights - 1; night++)
        {
            await BookAsync(pipeline, hotelId, roomTypeId, night + 1, first.AddDays(night), first.AddDays(night + 1), expectBooked: false);
        }

        await BookAsync(pipeline, hotelId, roomTypeId, nights, first.AddDays(nights - 1), first.AddDays(2 * nights - 1), expectBooked: false);
        var cancel = AtLimits(CancelBooking("x", "admin-1", BookingId(0), "admin"), 'x');
        cancel["payload"] = new JsonObject { ["hotelId"] = hotelId, ["roomTypeId"] = roomTypeId, ["bookingId"] = BookingId(0) };

        var sizes = await RunAsync(pipeline, PaddedToTheBodyLimit(cancel));

        var commit = sizes.Result.History.OfType<HistoryEvent>().Select(e => e.Details).OfType<StateExitedEventDetails>()
            .Single(d => d.Name == "Persist").Output.Node!["persisted"]!["commit"]!;
        Assert.Equal(1 + nights, commit["changes"]![0]!["events"]!.AsArray().Count);
        Assert.True(sizes.AfterPersist <= Budget, $"After Persist the state is {sizes.AfterPersist} bytes; the budget is {Budget}.");
        Assert.True(sizes.Largest <= Budget, $"The largest state payload is {sizes.Largest} bytes; the budget is {Budget}.");
    }

    [Fact]
    public async Task A_registration_rejected_for_every_room_type_in_a_body_of_the_largest_size_keeps_every_state_under_three_quarters_of_the_limit()
    {
        var pipeline = new TestKit.Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());
        var command = AtLimits(RegisterHotel("q", 1), 'q');
        command["payload"] = new JsonObject
        {
            ["hotelId"] = Id('h'),
            ["name"] = Widest(FieldLimits.MaxHotelNameLength),
            ["roomTypes"] = new JsonArray([.. Enumerable.Range(0, FieldLimits.MaxRoomTypes).Select(_ => (JsonNode)new JsonObject
            {
                ["roomTypeId"] = "not/an/id" + Widest(Identifiers.MaxIdLength - 9), ["capacity"] = 0,
            })]),
        };

        var sizes = await RunAsync(pipeline, PaddedToTheBodyLimit(command, valid: false), expectedStatus: "Rejected");

        Assert.True(sizes.Largest <= Budget, $"The largest state payload is {sizes.Largest} bytes; the budget is {Budget}.");
    }

    private static string BookingId(int i) => $"{i:D2}{Id('b', Identifiers.MaxIdLength - 2)}";

    private static async Task BookAsync(TestKit.Pipeline pipeline, string hotelId, string roomTypeId, int i, DateOnly checkIn, DateOnly checkOut, bool expectBooked)
    {
        var command = BookRoom($"setup-book-{i}", $"{i:D2}{Id('g', Identifiers.MaxIdLength - 2)}", BookingId(i), $"{checkIn:yyyy-MM-dd}", $"{checkOut:yyyy-MM-dd}", roomTypeId);
        command["payload"]!["hotelId"] = hotelId;
        var persisted = await pipeline.RunAsync(command);
        var events = persisted.GetProperty("commit").GetProperty("changes")[0].GetProperty("events");
        Assert.Equal(expectBooked ? "V1.RoomBooked" : "V1.GuestWaitlisted", events[0].GetProperty("type").GetString());
    }

    // Every envelope field at its limit; the command id is made of one character so each test has its own.
    private static JsonObject AtLimits(JsonObject command, char idCharacter)
    {
        command["commandId"] = new string(idCharacter, Identifiers.MaxCommandIdLength);
        command["issuedAt"] = "2027-01-10T09:30:00.1234567+00:00";
        command["correlationId"] = Widest(FieldLimits.MaxCorrelationIdLength);
        var roles = (string)command["actor"]!["roles"]![0]!;
        command["actor"] = new JsonObject
        {
            ["userId"] = Id('u'),
            ["roles"] = new JsonArray([roles, .. Enumerable.Range(1, FieldLimits.MaxRoles - 1).Select(i => (JsonNode)(i + Widest(FieldLimits.MaxRoleLength - 1)))]),
        };
        return command;
    }

    // Unknown fields are not read, so only the body limit bounds them: the padding takes the body to exactly that limit.
    private static string PaddedToTheBodyLimit(JsonObject command, bool valid = true)
    {
        command["padding"] = "";
        var size = Encoding.UTF8.GetByteCount(command.ToJsonString(Utf8AsSent));
        Assert.True(!valid || size <= 12 * 1024, $"With every field at its limit the command is {size} bytes; the body limit's reasoning assumes at most 12 KiB.");
        command["padding"] = new string('p', DispatchableBody.MaxBytes - size);
        var body = command.ToJsonString(Utf8AsSent);
        Assert.Equal(DispatchableBody.MaxBytes, Encoding.UTF8.GetByteCount(body));
        return body;
    }

    private async Task<Sizes> RunAsync(TestKit.Pipeline pipeline, string body, string expectedStatus = "Accepted")
    {
        Assert.Null(DispatchableBody.Problem(body, out var commandId, out var command));
        // The caller attributes at their limits too, with an admin group so the actor may be anyone.
        var caller = new CallerContext(new string('p', FieldLimits.MaxCallerPrincipalLength), "jwt", "[admin " + new string('g', FieldLimits.MaxCallerGroupsLength - 8) + "]");
        var sqs = new SqsContext(new string('m', 100), CommandApiSender, 1799566200000, 1, caller, new string('s', FieldLimits.MaxSenderIdLength));
        var input = JsonSerializer.Serialize(new ExecutionInput(command, sqs), HandlerJson.Options);

        var handlers = new Dictionary<string, Func<Stream, Task<Stream>>>
        {
            [FunctionArnPrefix + "Validate"] = new ValidateHandler(Senders).Handle,
            [FunctionArnPrefix + "Persist"] = pipeline.Persist.Handle,
            [FunctionArnPrefix + "ProjectAvailability"] = pipeline.ProjectAvailability.Handle,
            [FunctionArnPrefix + "ProjectGuestBookings"] = pipeline.ProjectGuestBookings.Handle,
            [FunctionArnPrefix + "ProjectArrivals"] = pipeline.ProjectArrivals.Handle,
            [FunctionArnPrefix + "RecordStatus"] = pipeline.RecordStatus.Handle,
        };
        var definition = DefinitionSubstitutions.Apply(
            File.ReadAllText(RepositoryRoot.Combine("statemachines", "command-pipeline.asl.json")),
            handlers.Keys.ToDictionary(arn => arn[FunctionArnPrefix.Length..] + "FunctionArn", arn => arn));
        var engine = new ExecutionEngine(StateMachineDefinition.Parse(definition), new LambdaHandlerInvoker(handlers));

        var result = await engine.StartAsync(input, new ExecutionOptions(Name: commandId));

        Assert.True(result.Status == ExecutionStatus.Succeeded, $"{result.Status}: {result.Error} {result.Cause}");
        var status = await Lambda.InvokeAsync(pipeline.Query.Handle, QueryEvents.Get($"/commands/{commandId}"));
        Assert.Equal(expectedStatus, JsonDocument.Parse(status.GetProperty("body").GetString()!).RootElement.GetProperty("status").GetString());

        var payloads = result.History.Select(e => e.Details).SelectMany(Payloads).ToList();
        var afterPersist = result.History.Select(e => e.Details).OfType<StateExitedEventDetails>().Where(d => d.Name == "Persist").Select(d => Size(d.Output.Node));
        var sizes = new Sizes(result, afterPersist.DefaultIfEmpty(0).Max(), payloads.Max(p => Size(p.Node)));
        output.WriteLine($"after Persist: {sizes.AfterPersist} bytes; largest state payload: {sizes.Largest} bytes");
        return sizes;
    }

    private static IEnumerable<LazyJson> Payloads(HistoryEventDetails? details) => details switch
    {
        StateEnteredEventDetails d => [d.Input],
        StateExitedEventDetails d => [d.Output],
        TaskScheduledEventDetails d => [d.Parameters],
        OutputEventDetails d => [d.Output],
        _ => [],
    };

    // Step Functions counts a payload's UTF-8 bytes as written, without escaping non-ASCII characters.
    private static int Size(JsonNode? node) => Encoding.UTF8.GetByteCount(node?.ToJsonString(Utf8AsSent) ?? "null");

    private sealed record Sizes(ExecutionResult Result, int AfterPersist, int Largest);
}
