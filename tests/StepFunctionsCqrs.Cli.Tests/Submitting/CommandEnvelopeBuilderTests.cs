using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using StepFunctionsCqrs.Cli.Submitting;
using StepFunctionsCqrs.Domain.Hotels;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Functions.Commands;

namespace StepFunctionsCqrs.Cli.Tests.Submitting;

public sealed class CommandEnvelopeBuilderTests
{
    private readonly CommandEnvelopeBuilder builder = new(new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero)));

    private static EnvelopeReading Read(System.Text.Json.Nodes.JsonObject envelope) =>
        EnvelopeReader.Read(JsonDocument.Parse(envelope.ToJsonString()).RootElement);

    [Fact]
    public void A_built_registration_passes_the_pipelines_envelope_schema()
    {
        var envelope = builder.RegisterHotel(new EnvelopeOptions("cmd-1", "admin-1", ["admin"], null, null), "grand", "Grand", [new RoomTypeSpec("double", 10)]);

        var reading = Read(envelope);

        Assert.Empty(reading.Reasons);
        var command = Assert.IsType<InventoryCommands.RegisterHotel>(reading.Envelope!.Command);
        Assert.Equal([new RoomTypeSpec("double", 10)], command.RoomTypes);
        Assert.Equal("cmd-1", reading.Envelope.CorrelationId);
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero), reading.Envelope.IssuedAt);
    }

    [Fact]
    public void A_built_booking_carries_its_dates_and_expected_version()
    {
        var envelope = builder.BookRoom(new EnvelopeOptions(null, "guest-7", ["guest"], "corr-9", 4), "grand", "double", "bk-1", new DateOnly(2027, 5, 1), new DateOnly(2027, 5, 3));

        var reading = Read(envelope);

        Assert.Empty(reading.Reasons);
        Assert.Equal(new InventoryCommands.BookRoom("grand", "double", "bk-1", new DateOnly(2027, 5, 1), new DateOnly(2027, 5, 3)), reading.Envelope!.Command);
        Assert.Equal(4, reading.Envelope.ExpectedVersion);
        Assert.Equal("corr-9", reading.Envelope.CorrelationId);
        Assert.StartsWith("cmd-", reading.Envelope.CommandId);
        Assert.True(Identifiers.IsCommandId(reading.Envelope.CommandId));
    }

    [Fact]
    public void A_built_cancellation_passes_the_schema()
    {
        var reading = Read(builder.CancelBooking(new EnvelopeOptions("c-2", "guest-7", ["guest"], null, null), "grand", "double", "bk-1"));

        Assert.Empty(reading.Reasons);
        Assert.Equal(new InventoryCommands.CancelBooking("grand", "double", "bk-1"), reading.Envelope!.Command);
    }

    [Fact]
    public void A_registration_without_room_types_is_refused_before_sending()
    {
        var error = Assert.Throws<CliException>(() => builder.RegisterHotel(new EnvelopeOptions(null, "a", ["admin"], null, null), "h", "H", []));

        Assert.Contains("--room-type", error.Message);
    }

    [Theory]
    [InlineData("double")]
    [InlineData("double:")]
    [InlineData(":3")]
    [InlineData("double:-1")]
    [InlineData("double:ten")]
    public void A_room_type_not_of_the_form_id_colon_capacity_is_named_in_the_error(string text)
    {
        var error = Assert.Throws<CliException>(() => CommandEnvelopeBuilder.ParseRoomType(text));

        Assert.Contains($"'{text}'", error.Message);
    }

    [Fact]
    public void A_file_envelope_without_command_id_gets_one_and_is_otherwise_sent_as_written()
    {
        var envelope = CommandEnvelopeBuilder.FromJson("""{"type":"BookRoom","payload":{"odd":true}}""", "cmd.json");

        Assert.StartsWith("cmd-", envelope["commandId"]!.GetValue<string>());
        Assert.True(envelope["payload"]!["odd"]!.GetValue<bool>());
    }

    [Fact]
    public void A_file_that_is_not_one_json_object_is_named_in_the_error()
    {
        Assert.Contains("cmd.json is not valid JSON", Assert.Throws<CliException>(() => CommandEnvelopeBuilder.FromJson("{", "cmd.json")).Message);
        Assert.Contains("cmd.json must hold one JSON object", Assert.Throws<CliException>(() => CommandEnvelopeBuilder.FromJson("[]", "cmd.json")).Message);
    }
}
