namespace StepFunctionsCqrs.EndToEnd.Tests.Model;

/// <summary>How a workload command reaches the commands queue.</summary>
public enum Delivery
{
    /// <summary>One SendMessage.</summary>
    Once,

    /// <summary>The same body sent twice, as an at-least-once producer does.</summary>
    Twice,

    /// <summary>A different body under the command id of an earlier command.</summary>
    ReusesId,
}
