using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Functions.Authorization;
using StepFunctionsCqrs.Functions.Handlers;
using StepFunctionsCqrs.Functions.Tests.TestKit;
using static StepFunctionsCqrs.Functions.Tests.TestKit.Envelopes;

namespace StepFunctionsCqrs.Functions.Tests.Handlers;

public sealed class ValidateHandlerTests
{
    private static readonly SenderRoles Senders = SenderRoles.Parse(
        $$"""{"{{CommandApiSender}}":["command-api"],"alice":["guest"],"ops-admin":["admin","guest"]}""", "test configuration");

    private const string AdminCaller = "arn:aws:iam::123456789012:user/ops";

    private static readonly CallerRoles Callers = CallerRoles.Parse(
        $$"""{"{{AdminCaller}}":["admin","guest"],"arn:aws:iam::123456789012:user/alice":["guest"],"arn:aws:sts::123456789012:assumed-role/Guests":["guest"],"arn:aws:sts::123456789012:assumed-role/Ops":["admin"]}""", "test configuration");

    /// <summary>Validates as the state machine would; a command-API message names <paramref name="caller"/> (the admin unless said otherwise).</summary>
    private static async Task<JsonElement> ValidateAsync(
        JsonNode command, string senderId = CommandApiSender, string? caller = AdminCaller, string scheme = "iam", string? groups = null, string? originalSender = null)
    {
        var sqs = new JsonObject { ["messageId"] = "m1", ["senderId"] = senderId, ["sentTimestamp"] = 1799566200000, ["receiveCount"] = 1 };
        if (caller is not null)
        {
            sqs["caller"] = new JsonObject { ["principal"] = caller, ["scheme"] = scheme, ["groups"] = groups };
        }

        if (originalSender is not null)
        {
            sqs["originalSender"] = originalSender;
        }

        var input = new JsonObject { ["command"] = command.DeepClone(), ["sqs"] = sqs, ["executionId"] = Pipeline.ExecutionId("c1") };
        return await Lambda.InvokeAsync(new ValidateHandler(Senders, Callers).Handle, input.ToJsonString());
    }

    private static IReadOnlyList<(string Code, string? Field)> Reasons(JsonElement result)
    {
        Assert.False(result.GetProperty("accepted").GetBoolean());
        var reasons = result.GetProperty("rejection").GetProperty("reasons").EnumerateArray().ToList();
        Assert.All(reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("message").GetString())));
        return [.. reasons.Select(r => (r.GetProperty("code").GetString()!, r.GetProperty("field").GetString()))];
    }

    [Fact]
    public async Task A_caller_signing_as_themself_books_through_the_command_api()
    {
        var result = await ValidateAsync(BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-05"), caller: "arn:aws:iam::123456789012:user/alice");

        Assert.True(result.GetProperty("accepted").GetBoolean());
    }

    [Fact]
    public async Task A_caller_cannot_book_or_cancel_as_another_guest_whatever_the_body_claims()
    {
        var booking = BookRoom("c1", "bob", "b1", "2027-03-01", "2027-03-05");
        var cancellation = CancelBooking("c2", "bob", "b1");

        Assert.Equal([("CannotActForOthers", "actor.userId")], Reasons(await ValidateAsync(booking, caller: "arn:aws:iam::123456789012:user/alice")));
        Assert.Equal([("CannotActForOthers", "actor.userId")], Reasons(await ValidateAsync(cancellation, caller: "arn:aws:iam::123456789012:user/alice")));
    }

    [Fact]
    public async Task A_caller_cannot_claim_the_admin_role_it_was_not_granted()
    {
        var booking = BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-05");
        booking["actor"]!["roles"] = new JsonArray("guest", "admin");
        var registration = RegisterHotel("c2", 5);
        registration["actor"] = new JsonObject { ["userId"] = "alice", ["roles"] = new JsonArray("admin") };

        Assert.Equal([("RoleNotGranted", "actor.roles")], Reasons(await ValidateAsync(booking, caller: "arn:aws:iam::123456789012:user/alice")));
        Assert.Equal([("RoleNotGranted", "actor.roles")], Reasons(await ValidateAsync(registration, caller: "arn:aws:iam::123456789012:user/alice")));
    }

    [Fact]
    public async Task A_caller_no_role_mapping_names_acts_as_themself_with_no_roles()
    {
        var plain = BookRoom("c1", "stranger", "b1", "2027-03-01", "2027-03-05");
        plain["actor"]!["roles"] = new JsonArray();
        var claimingGuest = BookRoom("c2", "stranger", "b2", "2027-03-01", "2027-03-05");

        Assert.True((await ValidateAsync(plain, caller: "arn:aws:iam::123456789012:user/stranger")).GetProperty("accepted").GetBoolean());
        Assert.Equal([("RoleNotGranted", "actor.roles")], Reasons(await ValidateAsync(claimingGuest, caller: "arn:aws:iam::123456789012:user/stranger")));
    }

    [Fact]
    public async Task An_assumed_role_caller_is_no_user_whatever_its_session_is_named_and_acts_only_if_its_role_holds_admin()
    {
        var asCarol = await ValidateAsync(BookRoom("c1", "carol", "b1", "2027-03-01", "2027-03-05"), caller: "arn:aws:sts::123456789012:assumed-role/Guests/carol");
        var asOps = await ValidateAsync(CancelBooking("c2", "carol", "b1"), caller: "arn:aws:sts::123456789012:assumed-role/Ops/anyone");

        Assert.Equal([("CannotActForOthers", "actor.userId")], Reasons(asCarol));
        Assert.True(asOps.GetProperty("accepted").GetBoolean());
    }

    [Fact]
    public async Task A_federated_or_malformed_iam_principal_names_no_user()
    {
        foreach (var principal in new[] { "arn:aws:sts::123456789012:federated-user/alice", "arn:aws:iam::123456789012:user/", "arn:aws:iam::123456789012:root" })
        {
            var result = await ValidateAsync(BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-05"), caller: principal);

            Assert.Contains(("CannotActForOthers", "actor.userId"), Reasons(result));
        }
    }

    [Fact]
    public async Task An_iam_user_is_its_name_whatever_its_path()
    {
        var booking = BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-05");
        booking["actor"]!["roles"] = new JsonArray();

        var result = await ValidateAsync(booking, caller: "arn:aws:iam::123456789012:user/guests/eu/alice");

        Assert.True(result.GetProperty("accepted").GetBoolean());
    }

    [Fact]
    public async Task A_groups_claim_grants_only_what_it_lists_as_an_array_or_one_plain_name()
    {
        var registration = RegisterHotel("c1", 5);
        registration["actor"] = new JsonObject { ["userId"] = "sub-1", ["roles"] = new JsonArray("admin") };

        foreach (var groups in new[] { "admin guest", "x,admin", "[\"admin\"", "\"admin\"" })
        {
            Assert.Equal([("RoleNotGranted", "actor.roles")], Reasons(await ValidateAsync(registration, caller: "sub-1", scheme: "jwt", groups: groups)));
        }

        Assert.True((await ValidateAsync(registration, caller: "sub-1", scheme: "jwt", groups: "admin")).GetProperty("accepted").GetBoolean());
    }

    [Fact]
    public async Task A_caller_of_an_unknown_scheme_is_no_caller()
    {
        var result = await ValidateAsync(BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-05"), caller: "alice", scheme: "JWT");

        Assert.Equal([("UnknownCaller", "sqs.caller")], Reasons(result));
    }

    [Fact]
    public async Task A_caller_holding_admin_may_act_for_any_guest()
    {
        var result = await ValidateAsync(CancelBooking("c1", "bob", "b1"));

        Assert.True(result.GetProperty("accepted").GetBoolean());
    }

    [Fact]
    public async Task A_jwt_caller_is_its_subject_and_holds_the_groups_its_token_lists()
    {
        var own = await ValidateAsync(BookRoom("c1", "sub-123", "b1", "2027-03-01", "2027-03-05"), caller: "sub-123", scheme: "jwt", groups: "[guest]");
        var other = await ValidateAsync(BookRoom("c2", "bob", "b2", "2027-03-01", "2027-03-05"), caller: "sub-123", scheme: "jwt", groups: "[guest]");
        var admin = await ValidateAsync(RegisterHotel("c3", 5), caller: "sub-ops", scheme: "jwt", groups: "[\"admin\",\"guest\"]");

        Assert.True(own.GetProperty("accepted").GetBoolean());
        Assert.Equal([("CannotActForOthers", "actor.userId")], Reasons(other));
        Assert.True(admin.GetProperty("accepted").GetBoolean());
    }

    [Fact]
    public async Task A_command_api_message_that_names_no_caller_is_rejected()
    {
        Assert.Equal([("UnknownCaller", "sqs.caller")], Reasons(await ValidateAsync(BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-05"), caller: null)));
    }

    [Fact]
    public async Task Caller_attributes_on_a_message_from_any_other_sender_grant_nothing()
    {
        var command = BookRoom("c1", "bob", "b1", "2027-03-01", "2027-03-05");

        Assert.Equal([("CannotActForOthers", "actor.userId")], Reasons(await ValidateAsync(command, senderId: "alice", caller: AdminCaller)));
    }

    [Fact]
    public async Task A_sender_holding_admin_may_act_for_others()
    {
        var result = await ValidateAsync(CancelBooking("c1", "bob", "b1"), senderId: "ops-admin", caller: null);

        Assert.True(result.GetProperty("accepted").GetBoolean());
    }

    [Fact]
    public async Task A_message_an_admin_redrove_is_judged_with_the_authority_of_its_first_sender()
    {
        var forBob = BookRoom("c1", "bob", "b1", "2027-03-01", "2027-03-05");

        Assert.Equal([("CannotActForOthers", "actor.userId")], Reasons(await ValidateAsync(forBob, senderId: "ops-admin", caller: null, originalSender: "alice")));
        Assert.Equal([("UnknownSender", "sqs.senderId")], Reasons(await ValidateAsync(forBob, senderId: "ops-admin", caller: null, originalSender: "AIDASTRANGER")));
    }

    [Fact]
    public async Task Only_an_admin_can_ask_for_a_message_to_be_judged_as_another_sender()
    {
        var forBob = BookRoom("c1", "bob", "b1", "2027-03-01", "2027-03-05");

        Assert.Equal([("CannotActForOthers", "actor.userId")], Reasons(await ValidateAsync(forBob, senderId: "alice", caller: AdminCaller, originalSender: CommandApiSender)));
    }

    [Fact]
    public async Task A_well_formed_booking_from_the_command_api_is_accepted()
    {
        var result = await ValidateAsync(BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-05"));

        Assert.True(result.GetProperty("accepted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("rejection").ValueKind);
    }

    [Fact]
    public async Task Validating_the_same_input_twice_gives_the_same_answer()
    {
        var command = BookRoom("c1", "alice", "b1", "2027-03-01", "2027-04-05");

        Assert.Equal((await ValidateAsync(command)).GetRawText(), (await ValidateAsync(command)).GetRawText());
    }

    [Fact]
    public async Task A_guest_sending_for_themself_is_accepted()
    {
        var result = await ValidateAsync(BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-05"), senderId: "alice");

        Assert.True(result.GetProperty("accepted").GetBoolean());
    }

    [Fact]
    public async Task A_sender_without_configured_roles_is_rejected()
    {
        Assert.Equal([("UnknownSender", "sqs.senderId")], Reasons(await ValidateAsync(BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-02"), "AIDASTRANGER")));
    }

    [Fact]
    public async Task A_sender_without_the_command_api_role_cannot_act_for_another_user_or_claim_roles_it_lacks()
    {
        var command = BookRoom("c1", "bob", "b1", "2027-03-01", "2027-03-02");
        command["actor"]!["roles"] = new JsonArray("guest", "admin");

        Assert.Equal([("CannotActForOthers", "actor.userId"), ("RoleNotGranted", "actor.roles")], Reasons(await ValidateAsync(command, "alice")));
    }

    [Fact]
    public async Task Only_an_admin_may_register_a_hotel()
    {
        var command = RegisterHotel("c1", 5);
        command["actor"]!["roles"] = new JsonArray("guest");

        Assert.Equal([("NotAdmin", "actor.roles")], Reasons(await ValidateAsync(command)));
        Assert.True((await ValidateAsync(RegisterHotel("c2", 5))).GetProperty("accepted").GetBoolean());
    }

    [Fact]
    public async Task Every_missing_envelope_field_is_reported_by_name()
    {
        var result = await ValidateAsync(new JsonObject { ["commandId"] = "c1" });

        Assert.Equal(
            [("MissingField", "type"), ("MissingField", "schemaVersion"), ("MissingField", "issuedAt"), ("MissingField", "actor"),
             ("MissingField", "correlationId"), ("MissingField", "payload")],
            Reasons(result));
    }

    [Fact]
    public async Task Fields_of_the_wrong_json_type_are_reported_with_their_paths()
    {
        var command = BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-02");
        command["schemaVersion"] = "1";
        command["payload"]!["hotelId"] = 7;
        command["expectedVersion"] = 1.5;

        Assert.Equal(
            [("WrongFieldType", "schemaVersion"), ("WrongFieldType", "expectedVersion"), ("WrongFieldType", "payload.hotelId")],
            Reasons(await ValidateAsync(command)));
    }

    [Fact]
    public async Task An_unknown_command_type_and_an_unsupported_schema_version_are_rejected()
    {
        var unknown = BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-02");
        unknown["type"] = "UpgradeRoom";
        var future = BookRoom("c2", "alice", "b1", "2027-03-01", "2027-03-02");
        future["schemaVersion"] = 2;

        Assert.Equal([("UnknownCommandType", "type")], Reasons(await ValidateAsync(unknown)));
        Assert.Equal([("UnsupportedSchemaVersion", "schemaVersion")], Reasons(await ValidateAsync(future)));
    }

    [Fact]
    public async Task February_29th_of_a_non_leap_year_is_not_a_date_but_of_a_leap_year_it_is()
    {
        Assert.Equal([("InvalidDate", "payload.checkIn")], Reasons(await ValidateAsync(BookRoom("c1", "alice", "b1", "2027-02-29", "2027-03-02"))));
        Assert.True((await ValidateAsync(BookRoom("c2", "alice", "b1", "2028-02-29", "2028-03-02"))).GetProperty("accepted").GetBoolean());
    }

    [Fact]
    public async Task Stay_rules_are_checked_before_any_state_is_loaded()
    {
        Assert.Equal([("CheckOutNotAfterCheckIn", "payload.checkOut")], Reasons(await ValidateAsync(BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-01"))));
        Assert.Equal([("StayTooLong", "payload.checkOut")], Reasons(await ValidateAsync(BookRoom("c2", "alice", "b1", "2027-03-01", "2027-04-01"))));
        Assert.True((await ValidateAsync(BookRoom("c3", "alice", "b1", "2027-03-01", "2027-03-31"))).GetProperty("accepted").GetBoolean());
    }

    [Fact]
    public async Task Bad_room_types_in_a_registration_are_rejected_with_their_index()
    {
        var command = RegisterHotel("c1", 0, HotelId, "double", "suite");

        Assert.Equal(
            [("InvalidCapacity", "payload.roomTypes[0].capacity"), ("InvalidCapacity", "payload.roomTypes[1].capacity")],
            Reasons(await ValidateAsync(command)));
    }

    [Fact]
    public async Task Ids_that_would_break_composite_keys_are_rejected()
    {
        Assert.Equal([("InvalidValue", "payload.hotelId")], Reasons(await ValidateAsync(CancelBooking("c1", "alice", "b1").Apply(c => c["payload"]!["hotelId"] = "grand#double"))));
    }

    [Fact]
    public async Task Ids_ending_in_a_newline_are_rejected()
    {
        var command = BookRoom("c1\n", "alice\n", "b1\n", "2027-03-01", "2027-03-02");
        command["payload"]!["hotelId"] = "grand\n";
        command["payload"]!["roomTypeId"] = "double\n";

        Assert.Equal(
            [("InvalidValue", "commandId"), ("InvalidValue", "actor.userId"), ("InvalidValue", "payload.hotelId"),
             ("InvalidValue", "payload.roomTypeId"), ("InvalidValue", "payload.bookingId")],
            Reasons(await ValidateAsync(command)));
    }

    [Fact]
    public async Task An_execution_input_without_sqs_facts_has_no_sender_and_is_rejected()
    {
        var input = new JsonObject { ["command"] = BookRoom("c1", "alice", "b1", "2027-03-01", "2027-03-02"), ["executionId"] = "e1" };

        var result = await Lambda.InvokeAsync(new ValidateHandler(Senders).Handle, input.ToJsonString());

        Assert.Equal([("MissingField", "sqs")], Reasons(result));
    }

    [Fact]
    public void A_malformed_sender_mapping_fails_naming_its_source()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SenderRoles.Parse("[1,2]", SenderRoles.EnvironmentVariable));

        Assert.Contains("SENDER_ROLES", error.Message);
    }
}
