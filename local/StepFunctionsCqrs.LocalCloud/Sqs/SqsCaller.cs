namespace StepFunctionsCqrs.LocalCloud.Sqs;

/// <summary>Who is calling and on which address: queue URLs are built on the caller's base URL, SenderId is its access key.</summary>
public sealed record SqsCaller(Uri BaseUrl, string SenderId);
