namespace StepFunctionsCqrs.Domain.Hotels;

/// <summary>A room type and how many rooms of it exist each night.</summary>
public sealed record RoomTypeSpec(string RoomTypeId, int Capacity);
