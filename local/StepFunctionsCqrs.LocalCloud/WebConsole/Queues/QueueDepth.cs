namespace StepFunctionsCqrs.LocalCloud.WebConsole.Queues;

/// <summary>How many messages a queue holds, as GetQueueAttributes approximates them.</summary>
public sealed record QueueDepth(string Name, string Url, int Visible, int InFlight, int Delayed);
