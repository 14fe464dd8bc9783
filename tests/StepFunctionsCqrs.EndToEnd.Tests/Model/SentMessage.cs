namespace StepFunctionsCqrs.EndToEnd.Tests.Model;

/// <summary>One SendMessage of a workload and what the oracle needs to judge its end.</summary>
/// <param name="Label">The logical command it came from, for messages.</param>
/// <param name="Body">The SQS body, byte for byte.</param>
/// <param name="CommandId">The commandId in the body, or null when it has none.</param>
/// <param name="Expectation">What may become of it.</param>
/// <param name="Command">The logical command, or null for a registration or a malformed message.</param>
/// <param name="Targets">The aggregates the command would append to if accepted.</param>
public sealed record SentMessage(string Label, string Body, string? CommandId, MessageExpectation Expectation, WorkloadCommand? Command, IReadOnlyList<string> Targets)
{
    /// <summary>The SQS message id, once sent.</summary>
    public string? MessageId { get; set; }

    /// <summary>Records compare by reference here: a duplicated command is two messages with one body.</summary>
    public bool Equals(SentMessage? other) => ReferenceEquals(this, other);

    /// <inheritdoc />
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
