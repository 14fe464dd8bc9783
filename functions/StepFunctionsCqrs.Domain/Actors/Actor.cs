namespace StepFunctionsCqrs.Domain.Actors;

/// <summary>The end user a command acts for, after authorization has established who they are.</summary>
/// <param name="UserId">Stable user id; a guest's bookings are owned by it.</param>
/// <param name="IsAdmin">Whether the user holds the admin role.</param>
public sealed record Actor(string UserId, bool IsAdmin);
