using StepFunctionsCqrs.Domain.Events;

namespace StepFunctionsCqrs.Domain.Outcomes;

/// <summary>The result of deciding a command: the events to append, or why it was refused.</summary>
public sealed record Decision
{
    private Decision(IReadOnlyList<IDomainEvent> events, Rejection? rejection)
    {
        Events = events;
        Rejection = rejection;
    }

    /// <summary>Events to append; empty when rejected.</summary>
    public IReadOnlyList<IDomainEvent> Events { get; }

    /// <summary>Why the command was refused, or null when accepted.</summary>
    public Rejection? Rejection { get; }

    /// <summary>Whether the command was accepted.</summary>
    public bool IsAccepted => Rejection is null;

    /// <summary>An accepted decision emitting the given events.</summary>
    public static Decision Accept(IReadOnlyList<IDomainEvent> events) => new(events, null);

    /// <summary>A refused decision.</summary>
    public static Decision Reject(Rejection rejection) => new([], rejection);

    /// <summary>A refused decision with a single reason.</summary>
    public static Decision Reject(string code, string message, string? field = null) =>
        new([], Rejection.Because(code, message, field));
}
