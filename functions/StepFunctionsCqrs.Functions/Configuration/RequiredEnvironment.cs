namespace StepFunctionsCqrs.Functions.Configuration;

/// <summary>Reads settings a function cannot run without, failing with the variable's name.</summary>
public static class RequiredEnvironment
{
    /// <summary>The variable's value; throws naming the variable when it is unset or blank.</summary>
    public static string Get(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Environment variable {name} is not set; the function needs it to run.");
}
