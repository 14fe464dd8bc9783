using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Domain.Hotels;
using StepFunctionsCqrs.Functions.Commands;

namespace StepFunctionsCqrs.Cli.Submitting;

/// <summary>Builds command envelopes (the SQS body) from command-line values or a JSON file.</summary>
public sealed class CommandEnvelopeBuilder(TimeProvider timeProvider)
{
    /// <summary>A RegisterHotel envelope.</summary>
    public JsonObject RegisterHotel(EnvelopeOptions options, string hotelId, string name, IReadOnlyList<RoomTypeSpec> roomTypes)
    {
        if (roomTypes.Count == 0)
        {
            throw new CliException("register-hotel needs at least one --room-type, e.g. --room-type double:10.");
        }

        return Envelope(options, CommandTypes.RegisterHotel, new JsonObject
        {
            ["hotelId"] = hotelId,
            ["name"] = name,
            ["roomTypes"] = new JsonArray([.. roomTypes.Select(r => (JsonNode)new JsonObject { ["roomTypeId"] = r.RoomTypeId, ["capacity"] = r.Capacity })]),
        });
    }

    /// <summary>A BookRoom envelope for the nights in [checkIn, checkOut).</summary>
    public JsonObject BookRoom(EnvelopeOptions options, string hotelId, string roomTypeId, string bookingId, DateOnly checkIn, DateOnly checkOut) =>
        Envelope(options, CommandTypes.BookRoom, new JsonObject
        {
            ["hotelId"] = hotelId,
            ["roomTypeId"] = roomTypeId,
            ["bookingId"] = bookingId,
            ["checkIn"] = checkIn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["checkOut"] = checkOut.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });

    /// <summary>A CancelBooking envelope.</summary>
    public JsonObject CancelBooking(EnvelopeOptions options, string hotelId, string roomTypeId, string bookingId) =>
        Envelope(options, CommandTypes.CancelBooking, new JsonObject
        {
            ["hotelId"] = hotelId,
            ["roomTypeId"] = roomTypeId,
            ["bookingId"] = bookingId,
        });

    /// <summary>
    /// An envelope read from a file; a missing commandId is generated so the caller can follow the command.
    /// Everything else is left to the pipeline, which records a rejection naming each bad field.
    /// </summary>
    public static JsonObject FromJson(string json, string source)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new CliException($"{source} is not valid JSON: {e.Message}");
        }

        if (node is not JsonObject envelope)
        {
            throw new CliException($"{source} must hold one JSON object (a command envelope with commandId, type, schemaVersion, issuedAt, actor, correlationId, payload).");
        }

        if (envelope["commandId"] is null)
        {
            envelope["commandId"] = CommandIds.New();
        }

        return envelope;
    }

    /// <summary>Reads "roomTypeId:capacity".</summary>
    public static RoomTypeSpec ParseRoomType(string text)
    {
        var parts = text.Split(':');
        return parts.Length == 2 && parts[0].Length > 0 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var capacity)
            ? new RoomTypeSpec(parts[0], capacity)
            : throw new CliException($"--room-type '{text}' is not of the form roomTypeId:capacity, e.g. double:10.");
    }

    private JsonObject Envelope(EnvelopeOptions options, string type, JsonObject payload)
    {
        var commandId = options.CommandId ?? CommandIds.New();
        var envelope = new JsonObject
        {
            ["commandId"] = commandId,
            ["type"] = type,
            ["schemaVersion"] = 1,
            ["issuedAt"] = timeProvider.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["actor"] = new JsonObject { ["userId"] = options.UserId, ["roles"] = new JsonArray([.. options.Roles.Select(r => (JsonNode)r)]) },
            ["correlationId"] = options.CorrelationId ?? commandId,
            ["payload"] = payload,
        };
        if (options.ExpectedVersion is { } expected)
        {
            envelope["expectedVersion"] = expected;
        }

        return envelope;
    }
}
