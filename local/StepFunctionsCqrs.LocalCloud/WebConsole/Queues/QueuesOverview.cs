using StepFunctionsCqrs.Functions.DeadLetters;

namespace StepFunctionsCqrs.LocalCloud.WebConsole.Queues;

/// <summary>The queues page: both queues' depths and the dead letters, each with the reason it cannot become an execution.</summary>
public sealed record QueuesOverview(QueueDepth Commands, QueueDepth DeadLetters, IReadOnlyList<DeadLetter> Letters, int MaxListed);
