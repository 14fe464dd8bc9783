using StepFunctionsCqrs.EndToEnd.Tests.Driving;

namespace StepFunctionsCqrs.EndToEnd.Tests.Scenarios;

/// <summary>One malformed or hostile message and what may become of it.</summary>
/// <param name="Kind">What is wrong with it, for failure messages.</param>
/// <param name="Body">The SQS body.</param>
/// <param name="CommandId">The command id the pipeline can use, or null when the body has none it can use.</param>
/// <param name="MayDeadLetter">Whether the DLQ is an acceptable end (it must be when there is no usable command id).</param>
/// <param name="AsStranger">Whether it is sent by a sender with no roles.</param>
/// <param name="Door">How it is refused before it reaches the queue, or null when it is let in.</param>
public sealed record HostileMessage(string Kind, string Body, string? CommandId, bool MayDeadLetter, bool AsStranger = false, HostileDoor? Door = null)
{
    /// <summary>Sends it; returns the SQS message id, or null when it was refused at the door as it must be.</summary>
    public async Task<string?> SendAsync(StackDriver stack)
    {
        switch (Door)
        {
            case HostileDoor.ForgedSignature:
                Assert.Equal("SignatureDoesNotMatch", await stack.SendForgedAsync(Body));
                return null;
            case HostileDoor.Unsigned:
                var (status, answer) = await stack.SendUnsignedAsync(Body);
                Assert.True(status == 403 && answer.Contains("MissingAuthenticationToken", StringComparison.Ordinal), $"An unsigned SendMessage was answered {status}: {answer}");
                return null;
            default:
                return AsStranger ? await stack.SendAsStrangerAsync(Body) : await stack.Submitter.SendRawAsync(Body, CancellationToken.None);
        }
    }

    /// <summary>Records compare by reference here: two messages may share a body.</summary>
    public bool Equals(HostileMessage? other) => ReferenceEquals(this, other);

    /// <inheritdoc />
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
