using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Functions.Authorization;
using StepFunctionsCqrs.Functions.Handlers;
using StepFunctionsCqrs.Functions.Tests.TestKit;
using static StepFunctionsCqrs.Functions.Tests.TestKit.Envelopes;

namespace StepFunctionsCqrs.Functions.Tests.Commands;

public sealed class FieldLimitsTests
{
    // An admin sender may act for any actor with any roles, so only the limits decide.
    private static readonly SenderRoles Senders = SenderRoles.Parse("""{"AIDAOPS":["admin"]}""", "test configuration");

    private static async Task<JsonElement> ValidateAsync(JsonNode command)
    {
        var input = new JsonObject
        {
            ["command"] = command.DeepClone(),
            ["sqs"] = new JsonObject { ["messageId"] = "m1", ["senderId"] = "AIDAOPS", ["sentTimestamp"] = 1799566200000, ["receiveCount"] = 1 },
            ["executionId"] = Pipeline.ExecutionId("c1"),
        };
        return await Lambda.InvokeAsync(new ValidateHandler(Senders).Handle, input.ToJsonString());
    }

    private static List<(string Code, string Field, string Message)> Reasons(JsonElement result) =>
        result.GetProperty("accepted").GetBoolean()
            ? []
            : [.. result.GetProperty("rejection").GetProperty("reasons").EnumerateArray()
                .Select(r => (r.GetProperty("code").GetString()!, r.GetProperty("field").GetString()!, r.GetProperty("message").GetString()!))];

    private static JsonObject Registration() => RegisterHotel("c1", 2, HotelId, "double", "suite");

    private static JsonObject Booking() => BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-05");

    private static JsonArray Items(int count, Func<int, JsonNode> item) => new([.. Enumerable.Range(0, count).Select(item)]);

    // A command whose one field is n characters (or items) long and otherwise valid.
    private static JsonObject WithLength(string field, int n) => field switch
    {
        "commandId" => Booking().Apply(c => c["commandId"] = new string('c', n)),
        "type" => Booking().Apply(c => c["type"] = "BookRoom" + new string('x', n - "BookRoom".Length)),
        "issuedAt" => Booking().Apply(c => c["issuedAt"] = "2027-01-10T09:30:00.1234567+00:00" + new string(' ', n - 33)),
        "correlationId" => Booking().Apply(c => c["correlationId"] = new string('k', n)),
        "actor.userId" => BookRoom("c1", new string('u', n), "b1", "2027-03-01", "2027-03-05"),
        "actor.roles" => Booking().Apply(c => c["actor"]!["roles"] = Items(n, i => i == 0 ? "guest" : $"role-{i}")),
        "actor.roles[0]" => Booking().Apply(c => c["actor"]!["roles"] = new JsonArray("guest", new string('r', n))),
        "payload.hotelId" => Booking().Apply(c => c["payload"]!["hotelId"] = new string('h', n)),
        "payload.roomTypeId" => Booking().Apply(c => c["payload"]!["roomTypeId"] = new string('t', n)),
        "payload.bookingId" => Booking().Apply(c => c["payload"]!["bookingId"] = new string('b', n)),
        "payload.checkIn" => Booking().Apply(c => c["payload"]!["checkIn"] = "2027-03-01" + new string(' ', n - 10)),
        "payload.checkOut" => Booking().Apply(c => c["payload"]!["checkOut"] = "2027-03-05" + new string(' ', n - 10)),
        "payload.name" => Registration().Apply(c => c["payload"]!["name"] = new string('n', n)),
        "payload.roomTypes" => Registration().Apply(c => c["payload"]!["roomTypes"] = Items(n, i => new JsonObject { ["roomTypeId"] = $"rt-{i}", ["capacity"] = 1 })),
        "payload.roomTypes[0].roomTypeId" => Registration().Apply(c => c["payload"]!["roomTypes"]![0]!["roomTypeId"] = new string('t', n)),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "No such field in this test."),
    };

    // The field's path in a reason: the extra role sits at index 1, after "guest".
    private static string PathOf(string field) => field == "actor.roles[0]" ? "actor.roles[1]" : field;

    [Fact]
    public async Task A_hotel_name_of_150_KiB_is_rejected_as_too_long_without_the_name_in_the_message()
    {
        var command = Registration().Apply(c => c["payload"]!["name"] = new string('n', 150 * 1024));

        var reasons = Reasons(await ValidateAsync(command));

        var reason = Assert.Single(reasons);
        Assert.Equal(("FieldTooLong", "payload.name"), (reason.Code, reason.Field));
        Assert.Contains("payload.name", reason.Message);
        Assert.Contains("200", reason.Message);
        Assert.True(reason.Message.Length < 200, reason.Message);
    }

    [Theory]
    [InlineData("commandId", 80)]
    [InlineData("issuedAt", 33)]
    [InlineData("correlationId", 128)]
    [InlineData("actor.userId", 64)]
    [InlineData("actor.roles", 10)]
    [InlineData("actor.roles[0]", 32)]
    [InlineData("payload.hotelId", 64)]
    [InlineData("payload.roomTypeId", 64)]
    [InlineData("payload.bookingId", 64)]
    [InlineData("payload.checkIn", 10)]
    [InlineData("payload.checkOut", 10)]
    [InlineData("payload.name", 200)]
    [InlineData("payload.roomTypes", 50)]
    [InlineData("payload.roomTypes[0].roomTypeId", 64)]
    public async Task A_field_at_its_limit_is_accepted_and_one_over_it_is_rejected_as_too_long_naming_the_field_and_the_limit(string field, int limit)
    {
        var atLimit = await ValidateAsync(WithLength(field, limit));
        var over = Reasons(await ValidateAsync(WithLength(field, limit + 1)));

        Assert.True(atLimit.GetProperty("accepted").GetBoolean(), atLimit.GetRawText());
        var reason = Assert.Single(over);
        Assert.Equal(("FieldTooLong", PathOf(field)), (reason.Code, reason.Field));
        Assert.Contains($"'{PathOf(field)}'", reason.Message);
        Assert.Contains(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), reason.Message);
    }

    [Fact]
    public async Task A_command_type_at_its_limit_is_merely_unknown_and_one_over_it_is_rejected_as_too_long()
    {
        var atLimit = Reasons(await ValidateAsync(WithLength("type", 64)));
        var over = Reasons(await ValidateAsync(WithLength("type", 65)));

        Assert.Equal([("UnknownCommandType", "type")], atLimit.Select(r => (r.Code, r.Field)));
        Assert.Equal([("FieldTooLong", "type")], over.Select(r => (r.Code, r.Field)));
    }

    [Fact]
    public async Task Messages_quote_at_most_a_short_prefix_of_any_value_they_refuse()
    {
        var huge = new string('z', 50_000);
        var command = Booking().Apply(c =>
        {
            c["schemaVersion"] = JsonNode.Parse("1." + new string('0', 50_000));
            c["payload"]!["hotelId"] = "bad id " + new string('z', 50);
            c["payload"]!["checkIn"] = "2027-13-01";
            c["issuedAt"] = "not a time";
        });

        var reasons = Reasons(await ValidateAsync(command));

        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.True(r.Message.Length < 200, r.Message));
        Assert.DoesNotContain(reasons, r => r.Message.Contains(huge[..100], StringComparison.Ordinal));
    }
}
