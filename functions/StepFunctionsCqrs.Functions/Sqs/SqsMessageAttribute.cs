namespace StepFunctionsCqrs.Functions.Sqs;

/// <summary>One message attribute in Lambda's SQS event; only string values are read.</summary>
public sealed record SqsMessageAttribute(string? StringValue, string? DataType);
