namespace StepFunctionsCqrs.Functions.Stores;

/// <summary>The shape of one DynamoDB table, independent of who creates it (CDK or the local bootstrap).</summary>
public sealed record TableDefinition(
    string LogicalName,
    KeyAttribute PartitionKey,
    KeyAttribute? SortKey,
    string Purpose)
{
    /// <summary>The environment variable that carries the physical table name to a function, e.g. COMMIT_LOG_TABLE.</summary>
    public string EnvironmentVariable =>
        string.Concat(LogicalName.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString())) + "_TABLE";
}

/// <summary>A key attribute and its DynamoDB scalar type ("S" or "N").</summary>
public sealed record KeyAttribute(string Name, string Type);
