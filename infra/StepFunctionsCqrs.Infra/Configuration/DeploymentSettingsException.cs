namespace StepFunctionsCqrs.Infra.Configuration;

/// <summary>A deployment setting or input is missing or invalid; the message says which and how to fix it.</summary>
public sealed class DeploymentSettingsException(string message) : Exception(message);
