using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Functions.Catalog;

/// <summary>One Lambda function: how it is deployed, what it may touch, and how the ASL refers to it.</summary>
/// <param name="Name">Logical name, also the local in-process registration key.</param>
/// <param name="HandlerType">The handler class; its <c>Handle(Stream)</c> method is the Lambda entry point.</param>
/// <param name="MemoryMb">Lambda memory size.</param>
/// <param name="TimeoutSeconds">Lambda timeout.</param>
/// <param name="Reads">Tables the function may read.</param>
/// <param name="Writes">Tables the function may write.</param>
/// <param name="AslSubstitution">The <c>${...}</c> placeholder in the state machine definition, or null when the workflow does not call it.</param>
public sealed record FunctionDefinition(
    string Name,
    Type HandlerType,
    int MemoryMb,
    int TimeoutSeconds,
    IReadOnlyList<TableDefinition> Reads,
    IReadOnlyList<TableDefinition> Writes,
    string? AslSubstitution)
{
    /// <summary>The Lambda handler string of the managed .NET runtime: Assembly::Type::Method.</summary>
    public string LambdaHandler => $"{HandlerType.Assembly.GetName().Name}::{HandlerType.FullName}::Handle";
}
