namespace StepFunctionsCqrs.Domain.Inventory;

/// <summary>Where a booking request stands.</summary>
public enum BookingStatus
{
    /// <summary>Every night is held.</summary>
    Booked,
    /// <summary>Waiting for rooms to free up.</summary>
    Waitlisted,
    /// <summary>Cancelled by its guest or an admin.</summary>
    Cancelled,
}
