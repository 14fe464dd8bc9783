using System.Globalization;

namespace StepFunctionsCqrs.EndToEnd.Tests.Model;

/// <summary>One message of a workload in logical ids (no run prefix), so a printed failing workload reads as a story.</summary>
/// <param name="Id">Logical command id; shared with an earlier command when <see cref="Delivery"/> is <see cref="Delivery.ReusesId"/>.</param>
/// <param name="Delivery">How it is sent.</param>
public abstract record WorkloadCommand(string Id, Delivery Delivery)
{
    /// <summary>The suffix that says how it is sent, for printing.</summary>
    protected string DeliveryNote => Delivery switch
    {
        Delivery.Twice => " ×2",
        Delivery.ReusesId => " (reuses id)",
        _ => "",
    };
}

/// <summary>A guest books nights [Day, Day + Nights) of a room type, under a client-chosen booking id.</summary>
public sealed record BookCommand(string Id, Delivery Delivery, string Guest, string Hotel, string RoomType, string BookingId, int Day, int Nights)
    : WorkloadCommand(Id, Delivery)
{
    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Id}: {Guest} books {Hotel}/{RoomType}/{Shorten(BookingId)} days {Day}..{Day + Nights}{DeliveryNote}");

    internal static string Shorten(string id) => id.Length <= 20 ? id : $"{id[..6]}…({id.Length} chars)";
}

/// <summary>A guest (their own booking or another's) or the admin cancels a booking.</summary>
public sealed record CancelCommand(string Id, Delivery Delivery, string Actor, string Hotel, string RoomType, string BookingId)
    : WorkloadCommand(Id, Delivery)
{
    /// <summary>The actor id of the admin.</summary>
    public const string Admin = "admin";

    /// <inheritdoc />
    public override string ToString() => $"{Id}: {Actor} cancels {Hotel}/{RoomType}/{BookCommand.Shorten(BookingId)}{DeliveryNote}";
}

/// <summary>A message that cannot become a command.</summary>
public sealed record MalformedCommand(string Id, MalformedKind Kind) : WorkloadCommand(Id, Delivery.Once)
{
    /// <inheritdoc />
    public override string ToString() => $"{Id}: malformed ({Kind})";
}
