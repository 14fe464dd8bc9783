namespace StepFunctionsCqrs.LocalCloud.Telemetry;

/// <summary>One instrument's total for one combination of tags.</summary>
/// <param name="Instrument">The instrument's name, such as <c>cqrs.commands</c>.</param>
/// <param name="Tags">Its tags as <c>key=value</c> pairs, comma-separated, in order.</param>
/// <param name="Unit">The instrument's unit.</param>
/// <param name="Count">Measurements recorded.</param>
/// <param name="Sum">Their sum: a counter's value, or a histogram's total.</param>
public sealed record MetricTotal(string Instrument, string Tags, string Unit, long Count, double Sum);
