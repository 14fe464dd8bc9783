namespace StepFunctionsCqrs.Functions.DeadLetters;

/// <summary>One message in the dead-letter queue, with the reason it could not be processed.</summary>
/// <param name="MessageId">SQS message id.</param>
/// <param name="SenderId">Who sent it, as SQS recorded.</param>
/// <param name="ReceiveCount">How often it was received before it was dead-lettered.</param>
/// <param name="SentAt">When it was first sent.</param>
/// <param name="Reason">Why it was dead-lettered.</param>
/// <param name="BodyPreview">The start of the body, for a human to recognise it.</param>
/// <param name="BodyBytes">The body's size in bytes.</param>
public sealed record DeadLetter(string MessageId, string? SenderId, int ReceiveCount, DateTimeOffset? SentAt, string Reason, string BodyPreview, int BodyBytes);
