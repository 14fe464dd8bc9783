namespace StepFunctionsCqrs.EndToEnd.Tests.Targets;

/// <summary>A running stack the scenarios drive through its AWS APIs only.</summary>
public interface ITarget
{
    /// <summary>A name for messages, e.g. "local cloud".</summary>
    string Name { get; }

    /// <summary>The settings a client of this stack uses, as the CLI reads them (AWS_ENDPOINT_URL, credentials, CQRS_*).</summary>
    IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Credentials of a sender with no roles, for the unauthorized-sender traffic.</summary>
    (string AccessKeyId, string Secret) StrangerCredentials { get; }

    /// <summary>A key the target knows with a secret that is not its own, or null when the target checks no signatures.</summary>
    (string AccessKeyId, string Secret)? ForgedCredentials { get; }
}
