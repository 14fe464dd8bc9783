using System.Text.Json.Nodes;
using StepFunctionsCqrs.Domain.Hotels;
using StepFunctionsCqrs.Domain.Inventory;
using StepFunctionsCqrs.Domain.Projections;

namespace StepFunctionsCqrs.EndToEnd.Tests.Model;

/// <summary>Judges one run: the five invariants of the pipeline, checked against what the public APIs show.</summary>
public sealed class ModelOracle(WorkloadMessages messages, ObservedPipeline observed)
{
    private const string Views = "views equal the projection of the commit log";
    private const string StatusLog = "statuses agree with the commit log";
    private const string Capacity = "no night over capacity";
    private const string Fifo = "waitlist promotion in FIFO order";
    private const string Accounting = "every sent message is accounted for";

    // The generic reason the diagnosis gives a body that looks dispatchable: for a malformed body it hides what is wrong.
    private const string DispatchableReason = "well-formed enough to dispatch";

    private readonly OracleVerdict verdict = new();
    private readonly Dictionary<string, SentMessage?> winners = new(StringComparer.Ordinal);

    /// <summary>Checks every invariant.</summary>
    public OracleVerdict Judge()
    {
        ResolveWinners();
        CheckViews();
        CheckStatuses();
        CheckCapacity();
        CheckWaitlist();
        CheckAccounting();
        return verdict;
    }

    // A command id sent with several bodies ran one of them: the one its execution's input holds.
    private void ResolveWinners()
    {
        foreach (var group in messages.All.Where(m => m.CommandId is not null).GroupBy(m => m.CommandId!, StringComparer.Ordinal))
        {
            var bodies = group.DistinctBy(m => m.Body).ToList();
            if (bodies.Count == 1)
            {
                winners[group.Key] = bodies[0];
                continue;
            }

            var ran = observed.Executions.GetValueOrDefault(group.Key)?.Command;
            winners[group.Key] = ran is null ? null : bodies.FirstOrDefault(b => JsonNode.DeepEquals(JsonNode.Parse(b.Body), ran));
        }
    }

    private void CheckViews()
    {
        var expectedAvailability = new Dictionary<(string, string, DateOnly?), AvailabilityRow>();
        var expectedGuests = new Dictionary<(string, string, string, string), GuestBookingRow>();
        var expectedArrivals = new Dictionary<(string, DateOnly, string, string), ArrivalRow>();
        foreach (var aggregate in observed.Commits.GroupBy(c => c.AggregateId))
        {
            foreach (var change in ChangeHistory.Of(aggregate.Key, aggregate.OrderBy(c => c.Version).Select(c => (c.Version, c.Events))))
            {
                // Changes come in version order, so a later row of the same identity replaces an earlier one.
                foreach (var row in AvailabilityProjection.Project(change))
                {
                    expectedAvailability[(row.HotelId, row.RoomTypeId, row.Date)] = row;
                }

                foreach (var row in GuestBookingsProjection.Project(change))
                {
                    expectedGuests[(row.GuestId, row.HotelId, row.RoomTypeId, row.BookingId)] = row;
                }

                foreach (var row in ArrivalsProjection.Project(change))
                {
                    expectedArrivals[(row.HotelId, row.Date, row.RoomTypeId, row.BookingId)] = row;
                }
            }
        }

        Compare("availability", expectedAvailability, observed.Availability, r => (r.HotelId, r.RoomTypeId, r.Date));
        Compare("guest bookings", expectedGuests, observed.GuestBookings, r => (r.GuestId, r.HotelId, r.RoomTypeId, r.BookingId));
        Compare("arrivals", expectedArrivals, observed.Arrivals, r => (r.HotelId, r.Date, r.RoomTypeId, r.BookingId));
    }

    private void Compare<TKey, TRow>(string view, Dictionary<TKey, TRow> expected, IReadOnlyList<TRow> actual, Func<TRow, TKey> identity)
        where TKey : notnull
        where TRow : notnull
    {
        verdict.Tally.Add($"{view} rows", expected.Count);
        var seen = new Dictionary<TKey, TRow>();
        foreach (var row in actual)
        {
            if (!seen.TryAdd(identity(row), row))
            {
                verdict.Violation(Views, $"{view}: two rows for {identity(row)}: {seen[identity(row)]} and {row}");
            }
        }

        foreach (var (key, row) in expected)
        {
            if (!seen.TryGetValue(key, out var found))
            {
                verdict.Violation(Views, $"{view}: missing {row}");
            }
            else if (!found.Equals(row))
            {
                verdict.Violation(Views, $"{view}: holds {found}, the log says {row}");
            }
        }

        foreach (var (key, row) in seen)
        {
            if (!expected.ContainsKey(key))
            {
                verdict.Violation(Views, $"{view}: extra {row}");
            }
        }
    }

    private void CheckStatuses()
    {
        var commitsById = observed.Commits.ToLookup(c => c.CommandId, StringComparer.Ordinal);
        foreach (var status in observed.Statuses.Values)
        {
            var commits = commitsById[status.CommandId].ToList();
            verdict.Tally.Add(status.Status.ToLowerInvariant());
            switch (status.Status)
            {
                case "Accepted":
                    if (winners.GetValueOrDefault(status.CommandId) is not { } winner)
                    {
                        verdict.Violation(StatusLog, $"{Show(status.CommandId)} is Accepted but the test cannot tell which of its bodies ran");
                        break;
                    }

                    foreach (var target in winner.Targets)
                    {
                        var count = commits.Count(c => c.AggregateId == target);
                        if (count != 1)
                        {
                            verdict.Violation(StatusLog, $"{Show(status.CommandId)} ({winner.Label}) is Accepted with {count} commits in {target}");
                        }
                    }

                    foreach (var stray in commits.Where(c => !winner.Targets.Contains(c.AggregateId)))
                    {
                        verdict.Violation(StatusLog, $"{Show(status.CommandId)} ({winner.Label}) appended to {stray.AggregateId}, which it does not target");
                    }

                    break;
                case "Rejected":
                    if (commits.Count > 0)
                    {
                        verdict.Violation(StatusLog, $"{Show(status.CommandId)} is Rejected ({string.Join(",", status.ReasonCodes)}) but appended {string.Join(", ", commits.Select(c => $"{c.AggregateId} v{c.Version}"))}");
                    }

                    if (status.ReasonCodes.Count == 0)
                    {
                        verdict.Violation(StatusLog, $"{Show(status.CommandId)} is Rejected without a reason");
                    }

                    break;
                default:
                    verdict.Violation(StatusLog, $"{Show(status.CommandId)} ended {status.Status}: {status.Error}");
                    break;
            }
        }

        foreach (var commit in observed.Commits)
        {
            verdict.Tally.Add("commits");
            if (observed.Statuses.GetValueOrDefault(commit.CommandId) is not { Status: "Accepted" })
            {
                verdict.Violation(StatusLog, $"{commit.AggregateId} v{commit.Version} was appended by {Show(commit.CommandId)}, whose status is {observed.Statuses.GetValueOrDefault(commit.CommandId)?.Status ?? "missing"}");
            }
        }
    }

    private void CheckCapacity()
    {
        foreach (var aggregate in observed.Commits.Where(c => c.AggregateId.StartsWith("inventory#", StringComparison.Ordinal)).GroupBy(c => c.AggregateId))
        {
            var capacity = 0;
            var held = new Dictionary<DateOnly, int>();
            var booked = new Dictionary<string, (DateOnly CheckIn, DateOnly CheckOut)>();
            foreach (var commit in aggregate.OrderBy(c => c.Version))
            {
                foreach (var e in commit.Events)
                {
                    switch (e)
                    {
                        case InventoryOpened opened:
                            capacity = opened.Capacity;
                            break;
                        case RoomBooked room:
                            booked[room.BookingId] = (room.CheckIn, room.CheckOut);
                            for (var night = room.CheckIn; night < room.CheckOut; night = night.AddDays(1))
                            {
                                held[night] = held.GetValueOrDefault(night) + 1;
                                verdict.Tally.Add("nights held");
                                if (held[night] > capacity)
                                {
                                    verdict.Violation(Capacity, $"{aggregate.Key} holds {held[night]} rooms on {night:yyyy-MM-dd} after v{commit.Version} ({Show(commit.CommandId)}); capacity {capacity}");
                                }
                            }

                            break;
                        case BookingCancelled cancelled when booked.Remove(cancelled.BookingId, out var stay):
                            for (var night = stay.CheckIn; night < stay.CheckOut; night = night.AddDays(1))
                            {
                                held[night]--;
                            }

                            break;
                    }
                }
            }
        }
    }

    private void CheckWaitlist()
    {
        foreach (var aggregate in observed.Commits.Where(c => c.AggregateId.StartsWith("inventory#", StringComparison.Ordinal)).GroupBy(c => c.AggregateId))
        {
            ReferenceInventory? model = null;
            foreach (var commit in aggregate.OrderBy(c => c.Version))
            {
                var actual = commit.Events.Select(Describe).ToList();
                if (commit.Events is [InventoryOpened opened])
                {
                    model = new ReferenceInventory(opened.Capacity);
                    continue;
                }

                if (model is null)
                {
                    verdict.Violation(Fifo, $"{aggregate.Key} v{commit.Version} comes before the inventory was opened");
                    break;
                }

                var (expected, problem) = winners.GetValueOrDefault(commit.CommandId)?.Command switch
                {
                    BookCommand book => model.Book(book.BookingId, messages.Guest(book.Guest), Workload.FirstNight.AddDays(book.Day), Workload.FirstNight.AddDays(book.Day + book.Nights)),
                    CancelCommand cancel => model.Cancel(cancel.BookingId, cancel.Actor == CancelCommand.Admin ? "admin-1" : messages.Guest(cancel.Actor), cancel.Actor == CancelCommand.Admin),
                    _ => ((IReadOnlyList<string>)[], $"no command of the workload explains it"),
                };
                verdict.Tally.Add("commits replayed on the reference model");
                verdict.Tally.Add("waitlisted", actual.Count(a => a.StartsWith("Waitlisted", StringComparison.Ordinal)));
                verdict.Tally.Add("promotions", actual.Count(a => a.StartsWith("Promoted", StringComparison.Ordinal)));
                verdict.Tally.Add("cancellations", actual.Count(a => a.StartsWith("Cancelled", StringComparison.Ordinal)));
                if (problem is not null)
                {
                    verdict.Violation(Fifo, $"{aggregate.Key} v{commit.Version} by {Show(commit.CommandId)} [{string.Join("; ", actual)}]: {problem}");
                    break;
                }

                if (!expected.SequenceEqual(actual))
                {
                    verdict.Violation(Fifo, $"{aggregate.Key} v{commit.Version} by {Show(commit.CommandId)} carries [{string.Join("; ", actual)}], the reference model says [{string.Join("; ", expected)}]");
                    break;
                }
            }
        }
    }

    private void CheckAccounting()
    {
        var dead = observed.DeadLetters.ToDictionary(d => d.MessageId, StringComparer.Ordinal);
        foreach (var message in messages.All)
        {
            verdict.Tally.Add("messages");
            var letter = message.MessageId is { } messageId ? dead.GetValueOrDefault(messageId) : null;
            var status = message.CommandId is { } id ? observed.Statuses.GetValueOrDefault(id) : null;
            if (letter is not null)
            {
                verdict.Tally.Add("dead letters");
            }

            var winner = message.CommandId is { } commandId ? winners.GetValueOrDefault(commandId) : null;
            var reusedIdLoser = message.CommandId is not null && winner is not null && winner.Body != message.Body;
            if (message.CommandId is not null && messages.All.Count(m => m.CommandId == message.CommandId && m.Body != message.Body) > 0)
            {
                verdict.Tally.Add("messages reusing a command id");
                if (winner is null)
                {
                    verdict.Violation(Accounting, $"{message.Label}: {Show(message.CommandId)} was sent with several bodies and no execution shows which one ran");
                    continue;
                }
            }

            if (reusedIdLoser)
            {
                if (letter is null || !letter.Reason.Contains("CommandIdReused", StringComparison.Ordinal))
                {
                    verdict.Violation(Accounting, $"{message.Label}: {Show(message.CommandId!)} was already used by another body, yet this message is {(letter is null ? "not dead-lettered" : $"dead-lettered with '{letter.Reason}'")}, not refused with CommandIdReused");
                }

                continue;
            }

            switch (message.Expectation)
            {
                case MessageExpectation.Outcome:
                    if (status is null)
                    {
                        verdict.Violation(Accounting, $"{message.Label}: {Show(message.CommandId!)} has no status{(letter is null ? " and is not dead-lettered" : $" and was dead-lettered: {letter.Reason}")}; {Execution(message.CommandId!)}");
                    }
                    else if (letter is not null)
                    {
                        verdict.Violation(Accounting, $"{message.Label}: a copy of {Show(message.CommandId!)}, which ended {status.Status}, was dead-lettered: {letter.Reason}");
                    }

                    break;
                case MessageExpectation.Refused:
                    verdict.Tally.Add("over-limit fields");
                    if (status is { Status: not "Rejected" })
                    {
                        verdict.Violation(Accounting, $"{message.Label}: a field over its limit ended {status.Status}");
                    }
                    else if (status is null && (letter is null || string.IsNullOrWhiteSpace(letter.Reason)))
                    {
                        verdict.Violation(Accounting, $"{message.Label}: a field over its limit has neither a status nor a dead letter with a reason; {Execution(message.CommandId!)}");
                    }

                    break;
                case MessageExpectation.DeadLetter:
                    verdict.Tally.Add("malformed");
                    if (status is { Status: not "Rejected" })
                    {
                        verdict.Violation(Accounting, $"{message.Label}: {Show(message.CommandId!)} ended {status.Status}; a malformed message must not");
                    }
                    else if (status is null && letter is null)
                    {
                        verdict.Violation(Accounting, $"{message.Label}: neither dead-lettered nor rejected");
                    }
                    else if (letter is not null && (string.IsNullOrWhiteSpace(letter.Reason) || letter.Reason.Contains(DispatchableReason, StringComparison.Ordinal)))
                    {
                        verdict.Violation(Accounting, $"{message.Label}: dead-lettered with a reason that does not say what is wrong: '{letter.Reason}'");
                    }

                    break;
            }
        }
    }

    private static string Describe(Domain.Events.IDomainEvent e) => e switch
    {
        RoomBooked { FromWaitlist: true } b => $"Promoted {b.BookingId} for {b.GuestId}",
        RoomBooked b => $"Booked {b.BookingId} for {b.GuestId}",
        GuestWaitlisted w => $"Waitlisted {w.BookingId} for {w.GuestId}",
        BookingCancelled c => $"Cancelled {c.BookingId}",
        InventoryOpened o => $"Opened with {o.Capacity}",
        HotelRegistered h => $"Registered {h.HotelId}",
        _ => e.GetType().Name,
    };

    private string Execution(string commandId) =>
        observed.Executions.TryGetValue(commandId, out var execution) ? execution?.ToString() ?? "no execution" : "execution not read";

    // Ids may hold control characters (the trailing-newline case); show them escaped.
    private static string Show(string id) => id.Replace("\n", "\\n", StringComparison.Ordinal);
}
