namespace StepFunctionsCqrs.LocalCloud.Edge;

/// <summary>Why a request's signature is refused, with AWS's error code for it.</summary>
/// <param name="Code">The AWS error code (<see cref="SignatureFaults"/>).</param>
/// <param name="Message">What is wrong, for the caller.</param>
public sealed record SignatureFault(string Code, string Message);
