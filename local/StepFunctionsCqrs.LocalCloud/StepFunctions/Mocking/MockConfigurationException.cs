namespace StepFunctionsCqrs.LocalCloud.StepFunctions.Mocking;

/// <summary>A mock configuration file that cannot be used, with its path and what is wrong where.</summary>
public sealed class MockConfigurationException(string path, string reason)
    : Exception($"The mock configuration file {path} cannot be used: {reason}")
{
    /// <summary>The file's path.</summary>
    public string Path { get; } = path;

    /// <summary>What is wrong, naming the field.</summary>
    public string Reason { get; } = reason;
}
