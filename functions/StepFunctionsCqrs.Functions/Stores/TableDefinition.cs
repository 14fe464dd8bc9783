namespace StepFunctionsCqrs.Functions.Stores;

/// <summary>The shape of one DynamoDB table, independent of who creates it (CDK or the local bootstrap).</summary>
public sealed record TableDefinition(
    string LogicalName,
    KeyAttribute PartitionKey,
    KeyAttribute? SortKey,
    string Purpose);

/// <summary>A key attribute and its DynamoDB scalar type ("S" or "N").</summary>
public sealed record KeyAttribute(string Name, string Type);
