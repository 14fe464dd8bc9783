using System.Buffers.Text;
using CsCheck;
using StepFunctionsCqrs.Asl.Callbacks;

namespace StepFunctionsCqrs.Asl.Tests.Callbacks;

public class TaskTokenBrokerTests
{
    private const string Execution = "arn:aws:states:us-east-1:000000000000:execution:orders:order-1";

    [Fact]
    public void A_token_of_a_closed_attempt_is_told_apart_from_one_never_issued()
    {
        var broker = new TaskTokenBroker();
        var pending = broker.Open(Execution);
        broker.Close(pending);

        Assert.Equal(new CallbackDelivery(CallbackOutcome.TaskClosed, Execution), broker.Heartbeat(pending.Token));
        Assert.Equal(CallbackOutcome.InvalidToken, broker.Heartbeat("not-a-token").Outcome);
        Assert.Equal(CallbackOutcome.InvalidToken, broker.Heartbeat("").Outcome);
    }

    [Fact]
    public void Tokens_are_unique_per_attempt_and_name_their_execution()
    {
        var broker = new TaskTokenBroker();
        var issued = Enumerable.Range(0, 1000).Select(_ => broker.Open(Execution).Token).ToList();

        Assert.Equal(issued.Count, issued.Distinct(StringComparer.Ordinal).Count());
        Assert.All(issued, t => Assert.True(broker.TryReadExecution(t, out var arn) && arn == Execution));
    }

    [Fact]
    public void A_token_from_a_broker_with_another_key_is_invalid_and_one_with_the_same_key_is_genuine()
    {
        var key = new byte[TaskTokenBroker.KeyBytes];
        key[0] = 1;
        var token = new TaskTokenBroker(key).Open(Execution).Token;

        Assert.Equal(CallbackOutcome.InvalidToken, new TaskTokenBroker().Succeed(token, null).Outcome);
        Assert.Equal(CallbackOutcome.TaskClosed, new TaskTokenBroker(key).Succeed(token, null).Outcome);
    }

    [Fact]
    public void Changing_any_byte_of_a_token_makes_it_invalid()
    {
        var broker = new TaskTokenBroker();
        var pending = broker.Open(Execution);
        var bytes = Base64Url.DecodeFromChars(pending.Token);

        Gen.Select(Gen.Int[0, bytes.Length - 1], Gen.Byte[1, 255]).Sample((index, flip) =>
        {
            var altered = (byte[])bytes.Clone();
            altered[index] ^= flip;
            return broker.Succeed(Base64Url.EncodeToString(altered), null).Outcome == CallbackOutcome.InvalidToken;
        });
        Assert.Equal(CallbackOutcome.Delivered, broker.Heartbeat(pending.Token).Outcome);
    }

    [Fact]
    public void A_token_naming_another_execution_cannot_be_made_from_a_genuine_one()
    {
        var broker = new TaskTokenBroker();
        var bytes = Base64Url.DecodeFromChars(broker.Open(Execution).Token);
        var other = System.Text.Encoding.UTF8.GetBytes(Execution.Replace("order-1", "order-2", StringComparison.Ordinal));
        var forged = bytes[..^other.Length].Concat(other).ToArray();

        Assert.Equal(CallbackOutcome.InvalidToken, broker.Fail(Base64Url.EncodeToString(forged), "x", "y").Outcome);
    }

    [Fact]
    public void A_key_shorter_than_32_bytes_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new TaskTokenBroker(new byte[16]));
    }
}
