namespace StepFunctionsCqrs.Functions.Contracts;

/// <summary>The SQS facts about a command's message that travel in the execution input.</summary>
/// <param name="MessageId">SQS message id.</param>
/// <param name="SenderId">SQS's SenderId system attribute: the authenticated identity that sent the message.</param>
/// <param name="SentTimestamp">When SQS received the message, in Unix epoch milliseconds.</param>
/// <param name="ReceiveCount">How many times the message has been received.</param>
/// <param name="Caller">The API caller the message's attributes name; trusted only when the sender is the command API.</param>
/// <param name="OriginalSender">The SenderId a redriven message first had; honoured only when an admin redrove it.</param>
/// <param name="TraceParent">The W3C <c>traceparent</c> of the Dispatch span that started the execution, which every task continues.</param>
public sealed record SqsContext(
    string MessageId, string SenderId, long SentTimestamp, int ReceiveCount, CallerContext? Caller = null, string? OriginalSender = null,
    string? TraceParent = null);
