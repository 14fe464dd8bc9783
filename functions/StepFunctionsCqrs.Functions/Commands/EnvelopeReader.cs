using System.Text.Json;
using StepFunctionsCqrs.Domain.Hotels;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Domain.Outcomes;
using StepFunctionsCqrs.Functions.Commands.Internal;

namespace StepFunctionsCqrs.Functions.Commands;

/// <summary>Checks a command envelope against its schema and reads its payload into a domain command.</summary>
public static class EnvelopeReader
{
    /// <summary>Reads the envelope, reporting every schema problem with the path of the field at fault.</summary>
    public static EnvelopeReading Read(JsonElement envelope)
    {
        if (envelope.ValueKind != JsonValueKind.Object)
        {
            return new EnvelopeReading(null, [new Reason(ReasonCodes.WrongFieldType, $"The command must be a JSON object but is {envelope.ValueKind}.", "command")]);
        }

        var reader = new FieldReader();
        var commandId = reader.String(envelope, "commandId", "commandId", Identifiers.MaxCommandIdLength);
        if (commandId is not null && !Identifiers.IsCommandId(commandId))
        {
            reader.Add(new Reason(ReasonCodes.InvalidValue,
                $"Field 'commandId' must be 1 to {Identifiers.MaxCommandIdLength} of {Identifiers.AllowedCharacters}.", "commandId"));
        }

        var type = reader.String(envelope, "type", "type", FieldLimits.MaxTypeLength);
        var schemaVersion = reader.Integer(envelope, "schemaVersion", "schemaVersion");
        var issuedAt = reader.Timestamp(envelope, "issuedAt", "issuedAt", FieldLimits.MaxIssuedAtLength);
        var actor = ReadActor(reader, envelope);
        var correlationId = reader.String(envelope, "correlationId", "correlationId", FieldLimits.MaxCorrelationIdLength);
        var expectedVersion = reader.Integer(envelope, "expectedVersion", "expectedVersion", required: false);
        if (expectedVersion is < 0)
        {
            reader.Add(new Reason(ReasonCodes.InvalidValue, $"Field 'expectedVersion' is {expectedVersion}; versions start at 0 (nothing appended yet).", "expectedVersion"));
        }

        var payload = reader.Property(envelope, "payload", "payload", JsonValueKind.Object);

        object? command = null;
        if (type is not null)
        {
            if (!CommandTypes.SchemaVersions.TryGetValue(type, out var versions))
            {
                reader.Add(new Reason(ReasonCodes.UnknownCommandType,
                    $"Command type {QuotedValue.Of(type)} is unknown; known types are {string.Join(", ", CommandTypes.SchemaVersions.Keys)}.", "type"));
            }
            else if (schemaVersion is { } version && !versions.Contains((int)Math.Clamp(version, int.MinValue, int.MaxValue)))
            {
                reader.Add(new Reason(ReasonCodes.UnsupportedSchemaVersion,
                    $"Schema version {version} of {type} is not supported; supported: {string.Join(", ", versions)}.", "schemaVersion"));
            }
            else if (payload is { } body)
            {
                command = ReadPayload(reader, type, body);
            }
        }

        if (reader.Reasons.Count > 0 || command is null)
        {
            return new EnvelopeReading(null, reader.Reasons);
        }

        return new EnvelopeReading(
            new CommandEnvelope(commandId!, type!, (int)schemaVersion!.Value, issuedAt!.Value, actor!, correlationId!, expectedVersion, command),
            []);
    }

    private static ActorClaim? ReadActor(FieldReader reader, JsonElement envelope)
    {
        if (reader.Property(envelope, "actor", "actor", JsonValueKind.Object) is not { } actor)
        {
            return null;
        }

        var userId = reader.EntityId(actor, "userId", "actor.userId");
        var roles = new List<string>();
        if (reader.Array(actor, "roles", "actor.roles", FieldLimits.MaxRoles, required: false) is { } array)
        {
            var index = 0;
            foreach (var role in array.EnumerateArray())
            {
                if (role.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(role.GetString()))
                {
                    reader.Add(new Reason(ReasonCodes.WrongFieldType, $"Field 'actor.roles[{index}]' must be a non-blank string.", $"actor.roles[{index}]"));
                }
                else if (!reader.TooLong(role.GetString()!, $"actor.roles[{index}]", FieldLimits.MaxRoleLength))
                {
                    roles.Add(role.GetString()!);
                }

                index++;
            }
        }

        return userId is null ? null : new ActorClaim(userId, roles);
    }

    private static object? ReadPayload(FieldReader reader, string type, JsonElement payload)
    {
        switch (type)
        {
            case CommandTypes.RegisterHotel:
            {
                var hotelId = reader.EntityId(payload, "hotelId", "payload.hotelId");
                var name = reader.String(payload, "name", "payload.name", FieldLimits.MaxHotelNameLength);
                var roomTypes = ReadRoomTypes(reader, payload);
                if (roomTypes is not null)
                {
                    reader.AddRange(InventoryDecisions.CheckRoomTypes(roomTypes));
                }

                return hotelId is null || name is null || roomTypes is null
                    ? null
                    : new InventoryCommands.RegisterHotel(hotelId, name, roomTypes);
            }

            case CommandTypes.BookRoom:
            {
                var hotelId = reader.EntityId(payload, "hotelId", "payload.hotelId");
                var roomTypeId = reader.EntityId(payload, "roomTypeId", "payload.roomTypeId");
                var bookingId = reader.EntityId(payload, "bookingId", "payload.bookingId");
                var checkIn = reader.Date(payload, "checkIn", "payload.checkIn");
                var checkOut = reader.Date(payload, "checkOut", "payload.checkOut");
                if (checkIn is { } from && checkOut is { } to)
                {
                    reader.AddRange(StayRules.Check(new Stay(from, to)));
                }

                return hotelId is null || roomTypeId is null || bookingId is null || checkIn is null || checkOut is null
                    ? null
                    : new InventoryCommands.BookRoom(hotelId, roomTypeId, bookingId, checkIn.Value, checkOut.Value);
            }

            case CommandTypes.CancelBooking:
            {
                var hotelId = reader.EntityId(payload, "hotelId", "payload.hotelId");
                var roomTypeId = reader.EntityId(payload, "roomTypeId", "payload.roomTypeId");
                var bookingId = reader.EntityId(payload, "bookingId", "payload.bookingId");
                return hotelId is null || roomTypeId is null || bookingId is null
                    ? null
                    : new InventoryCommands.CancelBooking(hotelId, roomTypeId, bookingId);
            }

            default:
                throw new InvalidOperationException($"Command type {type} is listed in {nameof(CommandTypes)} but has no payload reader.");
        }
    }

    private static IReadOnlyList<RoomTypeSpec>? ReadRoomTypes(FieldReader reader, JsonElement payload)
    {
        if (reader.Array(payload, "roomTypes", "payload.roomTypes", FieldLimits.MaxRoomTypes) is not { } array)
        {
            return null;
        }

        var roomTypes = new List<RoomTypeSpec>();
        var complete = true;
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"payload.roomTypes[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                reader.Add(new Reason(ReasonCodes.WrongFieldType, $"Field '{path}' must be an object with roomTypeId and capacity.", path));
                complete = false;
                continue;
            }

            var roomTypeId = reader.EntityId(item, "roomTypeId", $"{path}.roomTypeId");
            var capacity = reader.Integer(item, "capacity", $"{path}.capacity");
            if (roomTypeId is null || capacity is null)
            {
                complete = false;
                continue;
            }

            roomTypes.Add(new RoomTypeSpec(roomTypeId, (int)Math.Clamp(capacity.Value, int.MinValue, int.MaxValue)));
        }

        return complete ? roomTypes : null;
    }
}
