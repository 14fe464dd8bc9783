namespace StepFunctionsCqrs.Domain.Projections;

/// <summary>Rooms held and left on one night.</summary>
public sealed record NightState(DateOnly Date, int Held, int RoomsLeft);
