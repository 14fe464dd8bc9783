namespace StepFunctionsCqrs.LocalCloud.Telemetry;

/// <summary>The body of a telemetry route's refusal.</summary>
/// <param name="Code">A stable name, such as <see cref="TelemetryRoutes.NoSpansCode"/>.</param>
/// <param name="Message">What is missing and why it may be.</param>
public sealed record TelemetryError(string Code, string Message);
