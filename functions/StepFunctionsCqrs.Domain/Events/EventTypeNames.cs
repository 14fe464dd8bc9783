using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace StepFunctionsCqrs.Domain.Events;

/// <summary>The stable type names of events, read from the one list on <see cref="IDomainEvent"/>.</summary>
public static class EventTypeNames
{
    private static readonly FrozenDictionary<Type, string> Names = typeof(IDomainEvent)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToFrozenDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    /// <summary>The stored name of an event, e.g. "V1.RoomBooked".</summary>
    public static string Of(IDomainEvent domainEvent) =>
        Names.TryGetValue(domainEvent.GetType(), out var name)
            ? name
            : throw new InvalidOperationException($"Event type {domainEvent.GetType().Name} has no stable name on {nameof(IDomainEvent)}.");

    /// <summary>Every stored event name.</summary>
    public static IReadOnlyCollection<string> All => Names.Values;
}
