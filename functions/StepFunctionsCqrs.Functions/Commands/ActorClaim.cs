namespace StepFunctionsCqrs.Functions.Commands;

/// <summary>The end user a command claims to act for; trusted only after authorization.</summary>
public sealed record ActorClaim(string UserId, IReadOnlyList<string> Roles);
