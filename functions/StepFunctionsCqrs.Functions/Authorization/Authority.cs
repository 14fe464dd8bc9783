namespace StepFunctionsCqrs.Functions.Authorization;

/// <summary>Who a message or request really speaks for, and with which roles, once its sender or caller is known.</summary>
/// <param name="UserId">The user an actor must be, unless the authority holds <see cref="Roles.Admin"/>.</param>
/// <param name="Roles">The roles an actor may claim.</param>
/// <param name="Source">Where the authority came from, for messages: "sender 'x'" or "caller 'y'".</param>
public sealed record Authority(string UserId, IReadOnlySet<string> Roles, string Source)
{
    /// <summary>An admin acts for anyone, with any roles.</summary>
    public bool IsAdmin => Roles.Contains(Authorization.Roles.Admin);

    /// <summary>Whether the authority may read or act on behalf of <paramref name="userId"/>.</summary>
    public bool MaySpeakFor(string userId) => IsAdmin || string.Equals(userId, UserId, StringComparison.Ordinal);
}
