using System.Text.Json.Nodes;
using StepFunctionsCqrs.Cli.Submitting;

namespace StepFunctionsCqrs.EndToEnd.Tests.Driving;

/// <summary>Shorthands for the envelope options of admins and guests.</summary>
public static class Envelope
{
    /// <summary>An admin acting through the command API.</summary>
    public static EnvelopeOptions Admin(string? commandId = null) => new(commandId, "admin-1", ["admin"], null, null);

    /// <summary>A guest acting for themself.</summary>
    public static EnvelopeOptions Guest(string guestId, string? commandId = null) => new(commandId, guestId, ["guest"], null, null);

    /// <summary>The command id of an envelope.</summary>
    public static string IdOf(JsonObject envelope) => envelope["commandId"]!.GetValue<string>();
}
