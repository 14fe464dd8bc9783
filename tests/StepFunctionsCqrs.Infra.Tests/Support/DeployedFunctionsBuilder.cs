using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Logs;
using StepFunctionsCqrs.Functions.Catalog;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Infra.Functions;
using StepFunctionsCqrs.Infra.Stores;

namespace StepFunctionsCqrs.Infra.Tests.Support;

/// <summary>The stores and catalog functions on a stack: what the workflow, dispatcher, API and alarm tests build on.</summary>
internal static class DeployedFunctionsBuilder
{
    public static FunctionsConstruct Build(Stack stack, string codePath, string runtime = "dotnet10")
    {
        var stores = new StoresConstruct(stack, "Stores", new StoresProps(Tables.All, RemovalPolicy.DESTROY));
        return new FunctionsConstruct(stack, "Functions", new FunctionsProps(
            FunctionCatalog.All,
            stores.Tables.ToDictionary(t => t.Key, t => (ITable)t.Value),
            codePath,
            runtime,
            RetentionDays.ONE_WEEK,
            RemovalPolicy.DESTROY));
    }
}
