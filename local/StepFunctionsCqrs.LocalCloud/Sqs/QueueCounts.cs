namespace StepFunctionsCqrs.LocalCloud.Sqs;

/// <summary>The message counts GetQueueAttributes reports as Approximate*.</summary>
internal sealed record QueueCounts(long Visible, long InFlight, long Delayed);
