using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.LocalCloud.StepFunctions.Mocking;

/// <summary>One mocked invocation's answer: the result a <c>Return</c> gives, or the error a <c>Throw</c> raises.</summary>
public sealed record MockedAnswer(JsonNode? Result, string? Error, string? Cause)
{
    /// <summary>True for a <c>Throw</c>.</summary>
    public bool Throws => Error is not null;
}
