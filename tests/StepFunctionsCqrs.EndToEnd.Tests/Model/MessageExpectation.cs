namespace StepFunctionsCqrs.EndToEnd.Tests.Model;

/// <summary>What the contract allows to become of one sent message.</summary>
public enum MessageExpectation
{
    /// <summary>A well-formed command: its id gets a status, Accepted or Rejected by the rules.</summary>
    Outcome,

    /// <summary>A command with a field over its stated limit (an id over 64 characters, a 150 KiB hotel name): Rejected with reasons, or dead-lettered with a reason, never Accepted.</summary>
    Refused,

    /// <summary>Cannot become a command: dead-lettered with a reason naming what is wrong (or Rejected, where it has a usable id).</summary>
    DeadLetter,
}
