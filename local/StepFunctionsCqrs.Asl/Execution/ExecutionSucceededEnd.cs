using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Execution;

/// <summary>The last state produced this output.</summary>
internal sealed record ExecutionSucceededEnd(JsonNode? Output) : ExecutionEnd
{
    public override ExecutionStatus Status => ExecutionStatus.Succeeded;
}
