using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl;

/// <summary>
/// Runs an execution on from <see cref="From"/> rather than from its start: its history goes on after the
/// <see cref="PriorEventCount"/> events it already has, with an ExecutionRedriven event, and its context object keeps
/// the first run's input and start time.
/// </summary>
public sealed record ExecutionRedrive(RedrivePoint From, int RedriveCount, DateTimeOffset RedriveTime, JsonNode? OriginalInput, DateTimeOffset OriginalStart, long PriorEventCount);
