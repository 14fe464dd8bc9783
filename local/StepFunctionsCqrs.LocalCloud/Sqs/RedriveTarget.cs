namespace StepFunctionsCqrs.LocalCloud.Sqs;

/// <summary>Where a queue's messages go once received too often: the dead-letter queue's name and the limit.</summary>
internal sealed record RedriveTarget(string DeadLetterQueueName, int MaxReceiveCount, string SourceQueueArn);
