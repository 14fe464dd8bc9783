namespace StepFunctionsCqrs.Functions.Authorization;

/// <summary>Role names used in the sender mapping and in actor claims.</summary>
public static class Roles
{
    /// <summary>The command API: authenticates end users itself, so it may act for any actor with any roles.</summary>
    public const string CommandApi = "command-api";
    /// <summary>Hotel administration: registers hotels, cancels any booking.</summary>
    public const string Admin = "admin";
    /// <summary>A guest acting for themself.</summary>
    public const string Guest = "guest";
}
