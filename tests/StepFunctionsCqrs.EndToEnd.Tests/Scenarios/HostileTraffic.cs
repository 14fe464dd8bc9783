using System.Text;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.EndToEnd.Tests.Driving;

namespace StepFunctionsCqrs.EndToEnd.Tests.Scenarios;

/// <summary>
/// 200 malformed or hostile messages: not JSON, not objects, no or bad command ids, unknown types, missing fields, wrong
/// types, 256 KiB bodies, unknown senders; and, where the target checks signatures, 20 valid commands sent with a forged
/// signature or none, which must be refused before they reach the queue.
/// </summary>
public static class HostileTraffic
{
    /// <summary>SQS's largest body.</summary>
    public const int MaxSqsBodyBytes = 256 * 1024;

    /// <summary>Builds the messages against a registered hotel.</summary>
    public static IReadOnlyList<HostileMessage> Build(StackDriver stack, string hotel, DateOnly night)
    {
        var messages = new List<HostileMessage>();
        JsonObject Valid(int i) => stack.Envelopes.BookRoom(Envelope.Guest($"{hotel}-h{i}"), hotel, "std", $"h-{i}", night, night.AddDays(1));

        string[] notJson = ["not json", "{\"commandId\": ", "<xml/>", "{'single': 'quotes'}", "\u00ff\u00fe\ufffd garbage"];
        string[] notObjects = ["[1,2,3]", "42", "\"a string\"", "null", "true"];
        string[] badIds = ["../../etc/passwd", "a#b", "has space", new string('x', 200), "", "'; DROP TABLE CommitLog; --", "é-unicode", "${jndi:ldap://x}"];
        for (var i = 0; i < 25; i++)
        {
            messages.Add(new HostileMessage("not JSON", notJson[i % notJson.Length] + i, null, true));
            messages.Add(new HostileMessage("JSON but not an object", notObjects[i % notObjects.Length], null, true));

            var noId = Valid(100 + i);
            noId.Remove("commandId");
            messages.Add(new HostileMessage("no commandId", noId.ToJsonString(), null, true));

            var badId = Valid(200 + i);
            badId["commandId"] = badIds[i % badIds.Length];
            messages.Add(new HostileMessage("unusable commandId", badId.ToJsonString(), null, true));

            var unknownType = Valid(300 + i);
            unknownType["type"] = i % 2 == 0 ? "DeleteEverything" : "bookroom";
            messages.Add(Rejectable("unknown type", unknownType));

            messages.Add(Rejectable("missing fields", MissingFields(Valid(400 + i), i)));
            messages.Add(Rejectable("wrong types", WrongTypes(Valid(500 + i), i)));
        }

        for (var i = 0; i < 20; i++)
        {
            messages.Add(Rejectable("unauthorized sender", Valid(600 + i)) with { AsStranger = true });
        }

        for (var i = 0; i < 5; i++)
        {
            messages.Add(Oversized(Valid(700 + i)));
        }

        if (stack.Target.ForgedCredentials is not null)
        {
            for (var i = 0; i < 20; i++)
            {
                var door = i % 2 == 0 ? HostileDoor.ForgedSignature : HostileDoor.Unsigned;
                messages.Add(Rejectable(door == HostileDoor.ForgedSignature ? "forged signature" : "unsigned", Valid(800 + i)) with { Door = door });
            }
        }

        return messages;
    }

    private static HostileMessage Rejectable(string kind, JsonObject envelope) =>
        new(kind, envelope.ToJsonString(), envelope["commandId"]!.GetValue<string>(), false);

    private static JsonObject MissingFields(JsonObject envelope, int i)
    {
        switch (i % 5)
        {
            case 0: envelope.Remove("payload"); break;
            case 1: envelope.Remove("actor"); break;
            case 2: envelope["payload"]!.AsObject().Remove("bookingId"); break;
            case 3: envelope.Remove("type"); break;
            default: envelope.Remove("issuedAt"); envelope.Remove("schemaVersion"); break;
        }

        return envelope;
    }

    private static JsonObject WrongTypes(JsonObject envelope, int i)
    {
        switch (i % 6)
        {
            case 0: envelope["schemaVersion"] = "one"; break;
            case 1: envelope["actor"] = "admin"; break;
            case 2: envelope["payload"]!["checkIn"] = 20300101; break;
            case 3: envelope["payload"]!["hotelId"] = "<script>alert(1)</script>"; break;
            case 4: envelope["payload"]!["checkOut"] = "2030-02-30"; break;
            default: envelope["payload"] = new JsonArray(1, 2); break;
        }

        return envelope;
    }

    // Exactly SQS's limit: accepted by SendMessage, four times the dispatcher's 64 KiB command limit.
    private static HostileMessage Oversized(JsonObject envelope)
    {
        envelope["payload"]!["hotelId"] = "";
        var size = Encoding.UTF8.GetByteCount(envelope.ToJsonString());
        envelope["payload"]!["hotelId"] = new string('h', MaxSqsBodyBytes - size);
        var body = envelope.ToJsonString();
        return new HostileMessage("256 KiB body", body, envelope["commandId"]!.GetValue<string>(), true);
    }
}
