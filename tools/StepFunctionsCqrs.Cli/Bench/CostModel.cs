using StepFunctionsCqrs.Functions.Catalog;

namespace StepFunctionsCqrs.Cli.Bench;

/// <summary>Turns a command's measured usage into AWS list prices (<see cref="AwsPrices"/>) and shares of the Step Functions quotas.</summary>
public static class CostModel
{
    /// <summary>What a million commands cost, each service apart, with the function memory sizes of <paramref name="memoryMb"/> (the catalog's by default).</summary>
    public static CostPerMillion PerMillion(CommandUsage usage, Func<string, int>? memoryMb = null)
    {
        memoryMb ??= CatalogMemoryMb;
        const double million = 1_000_000;
        var lambdaGbSeconds = usage.BilledMilliseconds.Sum(p => p.Value / 1_000 * memoryMb(p.Key) / 1_024.0);
        return new CostPerMillion(
            StateTransitions: million * usage.StateTransitions * AwsPrices.StandardPerStateTransition,
            ExpressRequests: million * AwsPrices.ExpressPerRequest,
            ExpressDuration: million * usage.ExpressBilledSeconds * AwsPrices.ExpressBilledMemoryMb / 1_024.0 * AwsPrices.ExpressPerGbSecond,
            LambdaRequests: million * usage.LambdaInvocations * AwsPrices.LambdaPerRequest,
            LambdaDuration: million * lambdaGbSeconds * AwsPrices.LambdaArmPerGbSecond,
            DynamoDbReads: usage.DynamoDb is { } reads ? million * reads.ReadUnits * AwsPrices.DynamoDbPerReadRequestUnit : null,
            DynamoDbWrites: usage.DynamoDb is { } writes ? million * writes.WriteUnits * AwsPrices.DynamoDbPerWriteRequestUnit : null,
            Sqs: usage.SqsRequests is { } sqs ? million * sqs * AwsPrices.SqsPerRequest : null);
    }

    /// <summary>The share of each default quota that <paramref name="commandsPerSecond"/>, sustained, would use (1 = all of it).</summary>
    public static QuotaShare QuotaShareAt(double commandsPerSecond, CommandUsage usage) => new(
        commandsPerSecond,
        commandsPerSecond / StepFunctionsQuotas.StandardStartExecutionPerSecond,
        commandsPerSecond * usage.StateTransitions / StepFunctionsQuotas.StandardStateTransitionsPerSecond,
        commandsPerSecond / StepFunctionsQuotas.ExpressStartExecutionPerSecond);

    /// <summary>The commands per second that would use all of the tighter Standard quota, sustained.</summary>
    public static double StandardCommandsPerSecondBound(CommandUsage usage) => Math.Min(
        StepFunctionsQuotas.StandardStartExecutionPerSecond,
        usage.StateTransitions > 0 ? StepFunctionsQuotas.StandardStateTransitionsPerSecond / usage.StateTransitions : double.PositiveInfinity);

    // A function missing from the catalog (none today) is priced at Lambda's smallest size.
    private static int CatalogMemoryMb(string function) => FunctionCatalog.All.FirstOrDefault(f => f.Name == function)?.MemoryMb ?? 128;
}

/// <summary>USD per million commands, per service; DynamoDB and SQS are null when they were not measured.</summary>
public sealed record CostPerMillion(
    double StateTransitions, double ExpressRequests, double ExpressDuration, double LambdaRequests, double LambdaDuration,
    double? DynamoDbReads, double? DynamoDbWrites, double? Sqs)
{
    /// <summary>What both workflow types share: Lambda, DynamoDB and SQS.</summary>
    public double Shared => LambdaRequests + LambdaDuration + (DynamoDbReads ?? 0) + (DynamoDbWrites ?? 0) + (Sqs ?? 0);

    /// <summary>The whole pipeline with a Standard workflow.</summary>
    public double Standard => StateTransitions + Shared;

    /// <summary>The whole pipeline with the same definition as an Express workflow.</summary>
    public double Express => ExpressRequests + ExpressDuration + Shared;
}

/// <summary>Shares of the default quotas a sustained rate uses.</summary>
/// <param name="CommandsPerSecond">The rate.</param>
/// <param name="StandardStartExecution">Of Standard's StartExecution refill rate.</param>
/// <param name="StandardStateTransitions">Of Standard's state-transition refill rate.</param>
/// <param name="ExpressStartExecution">Of Express's StartExecution refill rate.</param>
public sealed record QuotaShare(double CommandsPerSecond, double StandardStartExecution, double StandardStateTransitions, double ExpressStartExecution);
