using System.Text.Json;
using Amazon.DynamoDBv2;
using Microsoft.Extensions.Time.Testing;
using StepFunctionsCqrs.Cli.Submitting;
using StepFunctionsCqrs.Domain.Hotels;
using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Commands;
using StepFunctionsCqrs.Functions.Configuration;
using StepFunctionsCqrs.Functions.Persistence;
using StepFunctionsCqrs.Functions.Stores.DynamoDb;

namespace StepFunctionsCqrs.Cli.Tests.TestKit;

/// <summary>
/// Runs commands through the pipeline's own Persist and projection code against real tables, the way the workflow's
/// Persist and Project states do, so the commit log and views hold what a deployed stack would.
/// </summary>
public sealed class PersistedHistory(IAmazonDynamoDB dynamoDb, TableNames tables)
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly CommandEnvelopeBuilder builder = new(new FakeTimeProvider(new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero)));

    /// <summary>Registers a hotel with one room type.</summary>
    public Task RegisterAsync(string hotelId, string roomTypeId, int capacity) =>
        RunAsync(builder.RegisterHotel(new EnvelopeOptions(null, "admin-1", ["admin"], null, null), hotelId, "Hotel", [new RoomTypeSpec(roomTypeId, capacity)]));

    /// <summary>Books (or waitlists) a stay.</summary>
    public Task BookAsync(string hotelId, string roomTypeId, string guest, string bookingId, DateOnly checkIn, int nights) =>
        RunAsync(builder.BookRoom(new EnvelopeOptions(null, guest, ["guest"], null, null), hotelId, roomTypeId, bookingId, checkIn, checkIn.AddDays(nights)));

    /// <summary>Cancels a booking as its guest.</summary>
    public Task CancelAsync(string hotelId, string roomTypeId, string guest, string bookingId) =>
        RunAsync(builder.CancelBooking(new EnvelopeOptions(null, guest, ["guest"], null, null), hotelId, roomTypeId, bookingId));

    private async Task RunAsync(System.Text.Json.Nodes.JsonObject json)
    {
        var body = JsonDocument.Parse(json.ToJsonString()).RootElement;
        var reading = EnvelopeReader.Read(body);
        var envelope = reading.Envelope ?? throw new InvalidOperationException(string.Join("; ", reading.Reasons.Select(r => r.Message)));
        time.Advance(TimeSpan.FromSeconds(1));
        var outcome = await new CommandPersister(new DynamoDbCommitLog(dynamoDb, tables.CommitLog), new DynamoDbCommandLedger(dynamoDb, tables.CommitLog),
                new InventoryHistories(new DynamoDbCommitLog(dynamoDb, tables.CommitLog), new DynamoDbSnapshotStore(dynamoDb, tables.CommitLog), time), time)
            .PersistAsync(envelope, CommandFingerprint.Of(body), $"exec-{envelope.CommandId}", CancellationToken.None);
        if (outcome.Commit is not { } commit)
        {
            throw new InvalidOperationException($"{envelope.Type} was declined: {outcome.Rejection}");
        }

        foreach (var change in commit.Changes)
        {
            await new DynamoDbAvailabilityView(dynamoDb, tables.Availability).ApplyAsync(AvailabilityProjection.Project(change), CancellationToken.None);
            await new DynamoDbGuestBookingsView(dynamoDb, tables.GuestBookings).ApplyAsync(GuestBookingsProjection.Project(change), CancellationToken.None);
            await new DynamoDbArrivalsView(dynamoDb, tables.Arrivals).ApplyAsync(ArrivalsProjection.Project(change), CancellationToken.None);
        }
    }
}
