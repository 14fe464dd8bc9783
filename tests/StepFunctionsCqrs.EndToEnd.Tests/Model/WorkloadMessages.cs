using System.Text.Json.Nodes;
using StepFunctionsCqrs.Cli.Submitting;
using StepFunctionsCqrs.Domain.Hotels;
using StepFunctionsCqrs.Domain.Inventory;

namespace StepFunctionsCqrs.EndToEnd.Tests.Model;

/// <summary>
/// Turns a workload's logical ids into one run's real ones (hotels, guests and command ids get the run's prefix, so
/// workloads sharing a host never see each other's data; booking ids are scoped by the hotel already) and its
/// commands into SQS bodies.
/// </summary>
public sealed class WorkloadMessages
{
    private readonly CommandEnvelopeBuilder envelopes = new(TimeProvider.System);

    /// <summary>Renders with the given run prefix.</summary>
    public WorkloadMessages(Workload workload, string prefix)
    {
        Prefix = prefix;
        Registrations = [.. workload.Hotels.Select(Register)];
        Waves = [.. workload.Waves.Select(wave => (IReadOnlyList<SentMessage>)[.. wave.SelectMany(Render)])];
    }

    /// <summary>The run prefix.</summary>
    public string Prefix { get; }

    /// <summary>The hotel registrations, sent and completed before the rest.</summary>
    public IReadOnlyList<SentMessage> Registrations { get; }

    /// <summary>The messages of each wave of <see cref="Workload.Waves"/>.</summary>
    public IReadOnlyList<IReadOnlyList<SentMessage>> Waves { get; }

    /// <summary>Every message of the run.</summary>
    public IEnumerable<SentMessage> All => Registrations.Concat(Waves.SelectMany(w => w));

    /// <summary>A hotel id of this run.</summary>
    public string Hotel(string logical) => Prefix + logical;

    /// <summary>A guest id of this run.</summary>
    public string Guest(string logical) => Prefix + logical;

    /// <summary>A command id of this run.</summary>
    public string CommandId(string logical) => Prefix + logical;

    private SentMessage Register(HotelPlan hotel)
    {
        var id = CommandId("r-" + hotel.Id);
        var name = hotel.HugeName ? new string('n', HotelPlan.HugeNameBytes) : $"Hotel {hotel.Id}";
        var body = envelopes.RegisterHotel(new EnvelopeOptions(id, "admin-1", ["admin"], null, null), Hotel(hotel.Id), name,
            [.. hotel.RoomTypes.Select(r => new RoomTypeSpec(r.RoomType, r.Capacity))]);
        IReadOnlyList<string> targets = [AggregateIds.Hotel(Hotel(hotel.Id)), .. hotel.RoomTypes.Select(r => AggregateIds.Inventory(Hotel(hotel.Id), r.RoomType))];
        return new SentMessage($"register {hotel}", body.ToJsonString(), id, hotel.HugeName ? MessageExpectation.Refused : MessageExpectation.Outcome, null, targets);
    }

    private IReadOnlyList<SentMessage> Render(WorkloadCommand command)
    {
        var id = CommandId(command.Id);
        switch (command)
        {
            case BookCommand book:
            {
                var body = envelopes.BookRoom(new EnvelopeOptions(id, Guest(book.Guest), ["guest"], null, null), Hotel(book.Hotel), book.RoomType, book.BookingId,
                    Workload.FirstNight.AddDays(book.Day), Workload.FirstNight.AddDays(book.Day + book.Nights));
                var expectation = book.BookingId.Length > 64 ? MessageExpectation.Refused : MessageExpectation.Outcome;
                return Sent(command, body, id, expectation, [AggregateIds.Inventory(Hotel(book.Hotel), book.RoomType)]);
            }

            case CancelCommand cancel:
            {
                var options = cancel.Actor == CancelCommand.Admin
                    ? new EnvelopeOptions(id, "admin-1", ["admin"], null, null)
                    : new EnvelopeOptions(id, Guest(cancel.Actor), ["guest"], null, null);
                var body = envelopes.CancelBooking(options, Hotel(cancel.Hotel), cancel.RoomType, cancel.BookingId);
                return Sent(command, body, id, MessageExpectation.Outcome, [AggregateIds.Inventory(Hotel(cancel.Hotel), cancel.RoomType)]);
            }

            case MalformedCommand malformed:
                return [Malformed(malformed, id)];

            default:
                throw new InvalidOperationException($"No rendering for {command}.");
        }
    }

    private static IReadOnlyList<SentMessage> Sent(WorkloadCommand command, JsonObject body, string id, MessageExpectation expectation, IReadOnlyList<string> targets)
    {
        var text = body.ToJsonString();
        var message = new SentMessage(command.ToString(), text, id, expectation, command, targets);
        return command.Delivery == Delivery.Twice ? [message, message with { }] : [message];
    }

    private SentMessage Malformed(MalformedCommand command, string id)
    {
        var envelope = envelopes.BookRoom(new EnvelopeOptions(id, Guest("g1"), ["guest"], null, null), Hotel("h1"), "double", "bm",
            Workload.FirstNight, Workload.FirstNight.AddDays(1));
        string? commandId;
        switch (command.Kind)
        {
            case MalformedKind.NotJson:
                return new SentMessage(command.ToString(), $"{{\"commandId\": \"{id}\", not json", null, MessageExpectation.DeadLetter, null, []);
            case MalformedKind.NoCommandId:
                envelope.Remove("commandId");
                commandId = null;
                break;
            case MalformedKind.CommandIdWithTrailingNewline:
                commandId = id + "\n";
                envelope["commandId"] = commandId;
                break;
            default:
                commandId = id + new string('x', 90);
                envelope["commandId"] = commandId;
                break;
        }

        return new SentMessage(command.ToString(), envelope.ToJsonString(), commandId, MessageExpectation.DeadLetter, null,
            [AggregateIds.Inventory(Hotel("h1"), "double")]);
    }
}
