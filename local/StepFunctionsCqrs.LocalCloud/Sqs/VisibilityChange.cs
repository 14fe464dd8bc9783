namespace StepFunctionsCqrs.LocalCloud.Sqs;

/// <summary>What happened to a visibility change: applied, the message is not in flight, or no message holds that receipt.</summary>
internal enum VisibilityChange
{
    Changed,
    NotInFlight,
    NoSuchReceipt,
}
