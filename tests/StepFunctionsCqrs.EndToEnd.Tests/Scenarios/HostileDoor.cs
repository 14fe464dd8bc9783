namespace StepFunctionsCqrs.EndToEnd.Tests.Scenarios;

/// <summary>How a hostile request is refused before anything of it reaches the queue.</summary>
public enum HostileDoor
{
    /// <summary>Signed under a key the target knows, with a secret that is not the key's.</summary>
    ForgedSignature,

    /// <summary>Not signed at all.</summary>
    Unsigned,
}
