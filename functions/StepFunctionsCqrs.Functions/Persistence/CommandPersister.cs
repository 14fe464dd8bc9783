using Polly;
using StepFunctionsCqrs.Domain.Actors;
using StepFunctionsCqrs.Domain.Events;
using StepFunctionsCqrs.Domain.Hotels;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Domain.Outcomes;
using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Authorization;
using StepFunctionsCqrs.Functions.Commands;
using StepFunctionsCqrs.Functions.Errors;
using StepFunctionsCqrs.Functions.Metrics;
using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Functions.Persistence;

/// <summary>
/// Decides a validated command against its aggregate's commits and appends the result with one conditional write per aggregate.
/// Idempotent on the command id: an attempt after a commit that landed returns the same commit, an attempt after a
/// decline returns the same decline, and a different body under a used command id is refused. An inventory is decided
/// from its latest snapshot and the commits after it (<see cref="InventoryHistories"/>), and an append that loses the
/// race for a version is decided again on the newer commits (<see cref="ConflictRetry"/>).
/// </summary>
public sealed class CommandPersister(ICommitLog commitLog, ICommandLedger ledger, InventoryHistories inventories, TimeProvider timeProvider, ResiliencePipeline conflictRetry)
{
    /// <summary>Retries conflicts with <see cref="ConflictRetry"/>'s defaults, waiting in real time.</summary>
    public CommandPersister(ICommitLog commitLog, ICommandLedger ledger, InventoryHistories inventories, TimeProvider timeProvider)
        : this(commitLog, ledger, inventories, timeProvider, ConflictRetry.Create(TimeProvider.System))
    {
    }

    /// <summary>Persists the command; throws <see cref="ConcurrencyConflict"/> when another command won the version, so the caller decides again.</summary>
    /// <param name="envelope">The validated command.</param>
    /// <param name="fingerprint">The <see cref="CommandFingerprint"/> of the body as sent.</param>
    /// <param name="executionId">The execution persisting it, for tracing.</param>
    /// <param name="cancellationToken">Cancels the store calls.</param>
    public async Task<PersistOutcome> PersistAsync(CommandEnvelope envelope, string fingerprint, string executionId, CancellationToken cancellationToken)
    {
        // Claimed before deciding, so a decline recorded on the claim is found by every later attempt, whatever the
        // aggregate's state by then. The claim keeps the version known now: any commit of this command lands above it.
        (InventoryHistory History, bool Stale)? known = null;
        if (InventoryOf(envelope.Command) is var (hotelId, roomTypeId))
        {
            var kept = inventories.Keeps(AggregateIds.Inventory(hotelId, roomTypeId));
            known = (await inventories.LastSeenAsync(hotelId, roomTypeId, cancellationToken).ConfigureAwait(false), kept);
        }

        var entry = await ledger.ClaimAsync(envelope.CommandId, fingerprint, executionId, known?.History.Version ?? 0, cancellationToken).ConfigureAwait(false);
        if (Recorded(entry, fingerprint) is { } recorded)
        {
            return recorded;
        }

        var outcome = await DecideAsync(envelope, entry, known, executionId, cancellationToken).ConfigureAwait(false);
        if (outcome.Rejection is { } rejection)
        {
            await ledger.RecordDeclineAsync(entry, executionId, rejection, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>
    /// What earlier attempts left, deciding nothing: the commit if one landed (a half-done registration is finished,
    /// since its hotel commit already decided it), the recorded decline, or <see cref="PersistOutcome.NotFound"/>.
    /// </summary>
    public async Task<PersistOutcome> FindAsync(CommandEnvelope envelope, string fingerprint, string executionId, CancellationToken cancellationToken)
    {
        var entry = await ledger.ReadAsync(envelope.CommandId, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return PersistOutcome.NotFound;
        }

        if (Recorded(entry, fingerprint) is { } recorded)
        {
            return recorded;
        }

        switch (envelope.Command)
        {
            case InventoryCommands.RegisterHotel c:
                var hotelCommits = await commitLog.LoadAsync(AggregateIds.Hotel(c.HotelId), cancellationToken).ConfigureAwait(false);
                return hotelCommits.Any(h => h.CommandId == envelope.CommandId)
                    ? await RegisterHotelAsync(envelope, c, CommandAuthorizer.ActorOf(envelope), executionId, cancellationToken).ConfigureAwait(false)
                    : PersistOutcome.NotFound;
            case InventoryCommands.BookRoom c:
                return await FindOnInventoryAsync(envelope.CommandId, c.HotelId, c.RoomTypeId, entry.FromVersion, cancellationToken).ConfigureAwait(false);
            case InventoryCommands.CancelBooking c:
                return await FindOnInventoryAsync(envelope.CommandId, c.HotelId, c.RoomTypeId, entry.FromVersion, cancellationToken).ConfigureAwait(false);
            default:
                throw new InvalidOperationException($"No persistence for command {envelope.Command.GetType().Name}.");
        }
    }

    private async Task<PersistOutcome> FindOnInventoryAsync(string commandId, string hotelId, string roomTypeId, long fromVersion, CancellationToken cancellationToken) =>
        await inventories.FindAsync(hotelId, roomTypeId, commandId, fromVersion, cancellationToken).ConfigureAwait(false) is { } earlier
            ? PersistOutcome.Committed(new Commit(commandId, [earlier]))
            : PersistOutcome.NotFound;

    private static (string HotelId, string RoomTypeId)? InventoryOf(object command) => command switch
    {
        InventoryCommands.BookRoom c => (c.HotelId, c.RoomTypeId),
        InventoryCommands.CancelBooking c => (c.HotelId, c.RoomTypeId),
        _ => null,
    };

    private static PersistOutcome? Recorded(LedgerEntry entry, string fingerprint)
    {
        if (entry.Fingerprint != fingerprint)
        {
            return PersistOutcome.Declined(Rejection.Because(ReasonCodes.CommandIdReused,
                $"Command id '{entry.CommandId}' was already used by a command with a different body; send a new command id.", "commandId"));
        }

        return entry.Decline is { } decline ? PersistOutcome.Declined(decline) : null;
    }

    private Task<PersistOutcome> DecideAsync(CommandEnvelope envelope, LedgerEntry claim, (InventoryHistory History, bool Stale)? known, string executionId, CancellationToken cancellationToken)
    {
        var actor = CommandAuthorizer.ActorOf(envelope);
        return envelope.Command switch
        {
            InventoryCommands.RegisterHotel c => RegisterHotelAsync(envelope, c, actor, executionId, cancellationToken),
            InventoryCommands.BookRoom c => OnInventoryAsync(envelope, claim, known, c.HotelId, c.RoomTypeId, c.BookingId,
                (hotel, inventory) => InventoryDecisions.BookRoom(hotel, inventory, c, actor, Today()), executionId, cancellationToken),
            InventoryCommands.CancelBooking c => OnInventoryAsync(envelope, claim, known, c.HotelId, c.RoomTypeId, c.BookingId,
                (hotel, inventory) => InventoryDecisions.CancelBooking(hotel, inventory, c, actor, Today()), executionId, cancellationToken),
            var other => throw new InvalidOperationException($"No persistence for command {other.GetType().Name}."),
        };
    }

    // The hotel's commit is the guard (a second registration conflicts on it); each room type's inventory is then
    // opened by its own conditional append carrying the same command id, so an attempt that stopped half-way finishes
    // the remaining appends instead of deciding again.
    private async Task<PersistOutcome> RegisterHotelAsync(
        CommandEnvelope envelope, InventoryCommands.RegisterHotel command, Actor actor, string executionId, CancellationToken cancellationToken)
    {
        var aggregateId = AggregateIds.Hotel(command.HotelId);
        var commits = await commitLog.LoadAsync(aggregateId, cancellationToken).ConfigureAwait(false);
        AggregateChange hotelChange;
        if (commits.FirstOrDefault(c => c.CommandId == envelope.CommandId) is { } earlier)
        {
            hotelChange = new AggregateChange(aggregateId, earlier.Version, earlier.Events, null);
        }
        else
        {
            if (WrongExpectedVersion(envelope, aggregateId, commits) is { } wrong)
            {
                return PersistOutcome.Declined(wrong);
            }

            var hotel = HotelState.Fold(HotelState.Initial(command.HotelId), commits.SelectMany(c => c.Events));
            var decision = InventoryDecisions.RegisterHotel(hotel, command, actor);
            if (decision.Rejection is { } rejection)
            {
                return PersistOutcome.Declined(rejection);
            }

            var version = NextVersion(commits);
            await commitLog.AppendAsync(Stored(aggregateId, version, envelope.CommandId, decision.Events, executionId), cancellationToken).ConfigureAwait(false);
            hotelChange = new AggregateChange(aggregateId, version, decision.Events, null);
        }

        var changes = new List<AggregateChange> { hotelChange };
        var registered = hotelChange.Events.OfType<HotelRegistered>().Single();
        foreach (var opened in InventoryDecisions.OpenInventories(registered))
        {
            changes.Add(await OpenInventoryAsync(opened, envelope.CommandId, executionId, cancellationToken).ConfigureAwait(false));
        }

        return PersistOutcome.Committed(new Commit(envelope.CommandId, changes));
    }

    private async Task<AggregateChange> OpenInventoryAsync(InventoryOpened opened, string registrationCommandId, string executionId, CancellationToken cancellationToken)
    {
        var aggregateId = AggregateIds.Inventory(opened.HotelId, opened.RoomTypeId);
        var commits = await commitLog.LoadAsync(aggregateId, cancellationToken).ConfigureAwait(false);
        if (Replay(aggregateId, commits, registrationCommandId) is { } earlier)
        {
            return earlier;
        }

        if (commits.Count > 0)
        {
            throw new InvalidOperationException(
                $"Inventory {aggregateId} already has {commits.Count} commits, none from its registration {registrationCommandId}.");
        }

        IReadOnlyList<IDomainEvent> events = [opened];
        await commitLog.AppendAsync(Stored(aggregateId, 1, registrationCommandId, events, executionId), cancellationToken).ConfigureAwait(false);
        var after = InventoryState.Fold(InventoryState.Initial(opened.HotelId, opened.RoomTypeId), events);
        return new AggregateChange(aggregateId, 1, events, InventoryTouched.Of(after, events));
    }

    // Decides first on the inventory as this process last saw it, which saves the read in the common case: an
    // acceptance is checked by its conditional append, which fails if anything was appended since, and a rejection or a
    // finding that needs the hotel is only given on commits read fresh. A lost append is decided again on the newer
    // commits, after a jittered back-off, until the retries run out and the workflow's Retry takes over.
    private async Task<PersistOutcome> OnInventoryAsync(
        CommandEnvelope envelope, LedgerEntry claim, (InventoryHistory History, bool Stale)? known, string hotelId, string roomTypeId, string bookingId,
        Func<HotelState, InventoryState, Decision> decide, string executionId, CancellationToken cancellationToken)
    {
        if (!claim.ClaimedNow
            && await inventories.FindAsync(hotelId, roomTypeId, envelope.CommandId, claim.FromVersion, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return PersistOutcome.Committed(new Commit(envelope.CommandId, [earlier]));
        }

        using var gate = await inventories.EnterAsync(AggregateIds.Inventory(hotelId, roomTypeId), cancellationToken).ConfigureAwait(false);
        // A decision that held the gate meanwhile may have appended after the history known at the claim; the kept
        // history has its commit, and is no staler than the read the claim was made on.
        (InventoryHistory History, bool Stale)? lastSeen = known is { } claimed
            ? (await inventories.LastSeenAsync(hotelId, roomTypeId, cancellationToken).ConfigureAwait(false), claimed.Stale)
            : null;
        var attempts = 0;
        try
        {
            var outcome = await conflictRetry.ExecuteAsync(async token =>
            {
                attempts++;
                return await DecideOnceAsync(token).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            PipelineMetrics.Persisted(attempts, outcome.Commit is null ? "Declined" : "Committed");
            return outcome;
        }
        catch (ConcurrencyConflict)
        {
            PipelineMetrics.Persisted(attempts, "Conflict");
            throw;
        }

        async Task<PersistOutcome> DecideOnceAsync(CancellationToken token)
        {
            var (history, stale) = lastSeen ?? (await inventories.LoadAsync(hotelId, roomTypeId, token).ConfigureAwait(false), false);
            lastSeen = null;
            return await DecideOnInventoryAsync(envelope, claim, history, stale, hotelId, roomTypeId, bookingId, decide, executionId, token).ConfigureAwait(false)
                ?? await DecideOnInventoryAsync(envelope, claim, await inventories.LoadAsync(hotelId, roomTypeId, token).ConfigureAwait(false), false,
                    hotelId, roomTypeId, bookingId, decide, executionId, token).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"No decision for {envelope.CommandId} on fresh commits of {history.AggregateId}.");
        }
    }

    // Returns null when the history may be stale and the outcome would be anything but an append or a replay.
    private async Task<PersistOutcome?> DecideOnInventoryAsync(
        CommandEnvelope envelope, LedgerEntry claim, InventoryHistory history, bool stale, string hotelId, string roomTypeId, string bookingId,
        Func<HotelState, InventoryState, Decision> decide, string executionId, CancellationToken cancellationToken)
    {
        // Another attempt of this command may have appended since the claim; its commit is above the claimed version,
        // which a history that starts at a newer snapshot no longer holds.
        var earlier = history.ReplayableAfter > claim.FromVersion
            ? await inventories.FindAsync(hotelId, roomTypeId, envelope.CommandId, claim.FromVersion, cancellationToken).ConfigureAwait(false)
            : history.Replay(envelope.CommandId);
        if (earlier is not null)
        {
            return PersistOutcome.Committed(new Commit(envelope.CommandId, [earlier]));
        }

        var hotel = HotelState.Initial(hotelId);
        if (history.Version == 0)
        {
            // The hotel registry tells an unknown hotel from an unknown room type, and reveals a registration
            // that stopped before opening this inventory: finishing it here keeps the room type bookable.
            var hotelCommits = await commitLog.LoadAsync(AggregateIds.Hotel(hotelId), cancellationToken).ConfigureAwait(false);
            hotel = HotelState.Fold(hotel, hotelCommits.SelectMany(c => c.Events));
            if (hotel.HasRoomType(roomTypeId))
            {
                var registration = hotelCommits.First(c => c.Events.OfType<HotelRegistered>().Any());
                var opened = InventoryDecisions.OpenInventories(registration.Events.OfType<HotelRegistered>().Single()).Single(o => o.RoomTypeId == roomTypeId);
                await OpenInventoryAsync(opened, registration.CommandId, executionId, cancellationToken).ConfigureAwait(false);
                history = await inventories.LoadAsync(hotelId, roomTypeId, cancellationToken).ConfigureAwait(false);
            }
        }

        if (WrongExpectedVersion(envelope, history.AggregateId, history.Version) is { } wrong)
        {
            return stale ? null : PersistOutcome.Declined(wrong);
        }

        var inventory = await inventories.WithBookingAsync(history, bookingId, cancellationToken).ConfigureAwait(false);
        var decision = decide(hotel, inventory);
        if (decision.Rejection is { } rejection)
        {
            return stale ? null : PersistOutcome.Declined(rejection);
        }

        var commit = Stored(history.AggregateId, history.Version + 1, envelope.CommandId, decision.Events, executionId);
        await commitLog.AppendAsync(commit, cancellationToken).ConfigureAwait(false);
        await inventories.AppendedAsync(history, commit, cancellationToken).ConfigureAwait(false);
        var after = InventoryState.Fold(inventory, decision.Events);
        return PersistOutcome.Committed(new Commit(envelope.CommandId,
            [new AggregateChange(history.AggregateId, commit.Version, decision.Events, InventoryTouched.Of(after, decision.Events))]));
    }

    private static AggregateChange? Replay(string aggregateId, IReadOnlyList<StoredCommit> commits, string commandId)
    {
        var index = commits.ToList().FindIndex(c => c.CommandId == commandId);
        return index < 0
            ? null
            : ChangeHistory.Of(aggregateId, commits.Take(index + 1).Select(c => (c.Version, c.Events))).Last();
    }

    private static Rejection? WrongExpectedVersion(CommandEnvelope envelope, string aggregateId, IReadOnlyList<StoredCommit> commits) =>
        WrongExpectedVersion(envelope, aggregateId, commits.Count == 0 ? 0 : commits[^1].Version);

    private static Rejection? WrongExpectedVersion(CommandEnvelope envelope, string aggregateId, long current)
    {
        return envelope.ExpectedVersion is { } expected && expected != current
            ? Rejection.Because(ReasonCodes.WrongExpectedVersion, $"{aggregateId} is at version {current}, not the expected {expected}.", "expectedVersion")
            : null;
    }

    private static long NextVersion(IReadOnlyList<StoredCommit> commits) => commits.Count == 0 ? 1 : commits[^1].Version + 1;

    private DateOnly Today() => DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);

    private StoredCommit Stored(string aggregateId, long version, string commandId, IReadOnlyList<IDomainEvent> events, string executionId) =>
        new(aggregateId, version, commandId, events, timeProvider.GetUtcNow(), executionId);
}
