using Amazon.Runtime;

namespace StepFunctionsCqrs.LocalCloud.Identity;

/// <summary>
/// One caller the local cloud knows: its requests must be signed with <paramref name="Secret"/>, and its access key is
/// the principal the functions see (the SenderId of what it sends, the caller of what it asks the APIs).
/// </summary>
/// <param name="Profile">The profile name in the credentials file.</param>
/// <param name="AccessKey">The access key id.</param>
/// <param name="Secret">The secret access key.</param>
/// <param name="Roles">The roles the functions grant it.</param>
public sealed record LocalIdentity(string Profile, string AccessKey, string Secret, IReadOnlyList<string> Roles)
{
    /// <summary>The SDK credentials that sign as this identity.</summary>
    public AWSCredentials Credentials => new BasicAWSCredentials(AccessKey, Secret);
}
