using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Callbacks;

/// <summary>
/// Issues the task tokens of callback-pattern tasks (<c>.waitForTaskToken</c>) and hands each answer sent with one to
/// the task attempt it was issued to. A token is 16 random bytes and the execution ARN, sealed with an HMAC-SHA256
/// under this broker's key: it cannot be guessed from other tokens, an altered or forged one is told apart from a
/// genuine one whose attempt has ended, and with the same key a restarted host still knows its earlier tokens as its own.
/// Thread-safe; only open attempts are held in memory.
/// </summary>
public sealed class TaskTokenBroker
{
    /// <summary>The key length the broker needs, in bytes.</summary>
    public const int KeyBytes = 32;

    private const byte Version = 1;
    private const int NonceBytes = 16;
    private const int MacBytes = 32;
    private const int HeaderBytes = 1 + NonceBytes + MacBytes;

    private readonly byte[] _key;
    private readonly ConcurrentDictionary<string, PendingCallback> _open = new(StringComparer.Ordinal);

    /// <summary>A broker with a fresh random key: its tokens mean nothing to any other broker.</summary>
    public TaskTokenBroker() : this(RandomNumberGenerator.GetBytes(KeyBytes))
    {
    }

    /// <summary>A broker sealing tokens with <paramref name="key"/> (at least <see cref="KeyBytes"/> bytes).</summary>
    public TaskTokenBroker(ReadOnlySpan<byte> key)
    {
        if (key.Length < KeyBytes)
        {
            throw new ArgumentException($"A task token key needs at least {KeyBytes} bytes, not {key.Length}.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>How many task attempts wait for an answer now.</summary>
    public int OpenCount => _open.Count;

    /// <summary>Completes the task with <paramref name="output"/> as its result.</summary>
    public CallbackDelivery Succeed(string token, JsonNode? output) => Deliver(token, p => p.TryAnswer(PendingCallback.Success(output)));

    /// <summary>Fails the task with <paramref name="error"/> and <paramref name="cause"/>, as Retry and Catch see them.</summary>
    public CallbackDelivery Fail(string token, string? error, string? cause) => Deliver(token, p => p.TryAnswer(PendingCallback.Failure(error, cause)));

    /// <summary>Resets the task's HeartbeatSeconds clock.</summary>
    public CallbackDelivery Heartbeat(string token) => Deliver(token, p => p.Beat());

    /// <summary>Reads the execution ARN from a genuine token; false for anything this broker did not issue.</summary>
    public bool TryReadExecution(string token, out string executionArn)
    {
        executionArn = "";
        // A token is base64url; a sealed one decodes to at most three quarters of its length.
        if (token.Length > 4096) return false;
        var bytes = new byte[Base64Url.GetMaxDecodedLength(token.Length)];
        if (Base64Url.DecodeFromChars(token, bytes, out var consumed, out var written) != System.Buffers.OperationStatus.Done
            || consumed != token.Length || written <= HeaderBytes || bytes[0] != Version)
        {
            return false;
        }

        var sealedPart = bytes.AsSpan(0, written);
        Span<byte> mac = stackalloc byte[MacBytes];
        Seal(sealedPart[..(1 + NonceBytes)], sealedPart[HeaderBytes..], mac);
        if (!CryptographicOperations.FixedTimeEquals(mac, sealedPart.Slice(1 + NonceBytes, MacBytes)))
        {
            return false;
        }

        try
        {
            executionArn = new UTF8Encoding(false, true).GetString(sealedPart[HeaderBytes..]);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Opens one attempt of a callback task with a token of its own.</summary>
    internal PendingCallback Open(string executionArn)
    {
        var arn = Encoding.UTF8.GetBytes(executionArn);
        var sealedPart = new byte[HeaderBytes + arn.Length];
        sealedPart[0] = Version;
        RandomNumberGenerator.Fill(sealedPart.AsSpan(1, NonceBytes));
        arn.CopyTo(sealedPart.AsSpan(HeaderBytes));
        Seal(sealedPart.AsSpan(0, 1 + NonceBytes), arn, sealedPart.AsSpan(1 + NonceBytes, MacBytes));
        var pending = new PendingCallback(Base64Url.EncodeToString(sealedPart), executionArn);
        _open[pending.Token] = pending;
        return pending;
    }

    /// <summary>Ends the attempt: from now on its token answers <see cref="CallbackOutcome.TaskClosed"/>.</summary>
    internal void Close(PendingCallback pending) => _open.TryRemove(new KeyValuePair<string, PendingCallback>(pending.Token, pending));

    private CallbackDelivery Deliver(string token, Func<PendingCallback, bool> answer)
    {
        if (!TryReadExecution(token, out var executionArn))
        {
            return new CallbackDelivery(CallbackOutcome.InvalidToken, null);
        }

        return _open.TryGetValue(token, out var pending) && answer(pending)
            ? new CallbackDelivery(CallbackOutcome.Delivered, executionArn)
            : new CallbackDelivery(CallbackOutcome.TaskClosed, executionArn);
    }

    private void Seal(ReadOnlySpan<byte> header, ReadOnlySpan<byte> arn, Span<byte> mac)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(header);
        hmac.AppendData(arn);
        hmac.GetHashAndReset(mac);
    }
}
