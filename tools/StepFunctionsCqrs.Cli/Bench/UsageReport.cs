using System.Globalization;
using Spectre.Console;

namespace StepFunctionsCqrs.Cli.Bench;

/// <summary>Prints what each command used, what a million commands cost on AWS, and the share of the Step Functions quotas a rate uses.</summary>
public static class UsageReport
{
    /// <summary>A round rate to compare with the measured one.</summary>
    public const double ReferenceCommandsPerSecond = 100;

    /// <summary>Writes the tables to <paramref name="console"/> and one machine-readable line to <paramref name="output"/>.</summary>
    public static void Write(IAnsiConsole console, TextWriter output, CommandUsage usage, double measuredCommandsPerSecond)
    {
        var cost = CostModel.PerMillion(usage);
        var measured = CostModel.QuotaShareAt(measuredCommandsPerSecond, usage);
        var reference = CostModel.QuotaShareAt(ReferenceCommandsPerSecond, usage);

        var used = new Table().AddColumns("per command", "measured");
        used.AddRow("state transitions (Standard)", $"{F(usage.StateTransitions, "0.00")} (histories of {usage.SampledExecutions} executions)");
        used.AddRow("Lambda invocations", $"{F(usage.LambdaInvocations, "0.00")} ({Markup.Escape(ByFunction(usage.Invocations, "0.00"))})");
        used.AddRow("Lambda billed duration", $"{F(usage.BilledMilliseconds.Values.Sum(), "0.0")} ms ({Markup.Escape(ByFunction(usage.BilledMilliseconds, "0.0"))})");
        used.AddRow("Express billed duration", $"{F(usage.ExpressBilledSeconds, "0.00")} s at {AwsPrices.ExpressBilledMemoryMb} MB");
        used.AddRow("DynamoDB read / write units", usage.DynamoDb is { } db
            ? $"{F(db.ReadUnits, "0.00")} / {F(db.WriteUnits, "0.00")} ({F(db.Requests, "0.0")} requests, {F(db.ConditionalCheckFailures, "0.00")} writes refused by their condition)"
            : "not measured (the endpoint has no meter)");
        used.AddRow("SQS requests", usage.SqsRequests is { } sqs ? F(sqs, "0.00") : "not measured (the endpoint has no meter)");
        console.Write(used);

        var prices = new Table().AddColumns($"USD per million commands ({AwsPrices.Region} list prices of {AwsPrices.AsOf:yyyy-MM-dd})", "Standard", "Express");
        prices.AddRow("Step Functions", Usd(cost.StateTransitions), $"{Usd(cost.ExpressRequests + cost.ExpressDuration)} ({Usd(cost.ExpressRequests)} requests + {Usd(cost.ExpressDuration)} duration)");
        prices.AddRow("Lambda requests", Usd(cost.LambdaRequests), Usd(cost.LambdaRequests));
        prices.AddRow("Lambda duration (Arm)", Usd(cost.LambdaDuration), Usd(cost.LambdaDuration));
        prices.AddRow("DynamoDB reads", Usd(cost.DynamoDbReads), Usd(cost.DynamoDbReads));
        prices.AddRow("DynamoDB writes", Usd(cost.DynamoDbWrites), Usd(cost.DynamoDbWrites));
        prices.AddRow("SQS", Usd(cost.Sqs), Usd(cost.Sqs));
        prices.AddRow("total", Usd(cost.Standard), Usd(cost.Express));
        console.Write(prices);

        var quotas = new Table().AddColumns($"share of the default quotas ({StepFunctionsQuotas.AsOf:yyyy-MM-dd})", $"{F(measured.CommandsPerSecond)} commands/s (measured)", $"{F(reference.CommandsPerSecond, "0")} commands/s");
        quotas.AddRow($"Standard StartExecution ({StepFunctionsQuotas.StandardStartExecutionPerSecond}/s)", Percent(measured.StandardStartExecution), Percent(reference.StandardStartExecution));
        quotas.AddRow($"Standard state transitions ({StepFunctionsQuotas.StandardStateTransitionsPerSecond:N0}/s)", Percent(measured.StandardStateTransitions), Percent(reference.StandardStateTransitions));
        quotas.AddRow($"Express StartExecution ({StepFunctionsQuotas.ExpressStartExecutionPerSecond:N0}/s)", Percent(measured.ExpressStartExecution), Percent(reference.ExpressStartExecution));
        console.Write(quotas);
        console.MarkupLineInterpolated($"Standard quotas bound the pipeline at {F(CostModel.StandardCommandsPerSecondBound(usage), "0")} commands/s sustained, before an increase.");

        output.WriteLine(
            $"bench-cost sampled={usage.SampledExecutions} transitions={F(usage.StateTransitions, "0.00")} lambdaInvocations={F(usage.LambdaInvocations, "0.00")} " +
            $"lambdaMs={F(usage.BilledMilliseconds.Values.Sum(), "0.0")} readUnits={Opt(usage.DynamoDb?.ReadUnits)} writeUnits={Opt(usage.DynamoDb?.WriteUnits)} " +
            $"sqsRequests={Opt(usage.SqsRequests)} standardPerMillion={F(cost.Standard, "0.00")} expressPerMillion={F(cost.Express, "0.00")} " +
            $"stepFunctionsStandardPerMillion={F(cost.StateTransitions, "0.00")} stepFunctionsExpressPerMillion={F(cost.ExpressRequests + cost.ExpressDuration, "0.00")} " +
            $"startExecutionShare@{F(ReferenceCommandsPerSecond, "0")}={F(reference.StandardStartExecution, "0.000")} transitionShare@{F(ReferenceCommandsPerSecond, "0")}={F(reference.StandardStateTransitions, "0.000")} " +
            $"startExecutionShare@measured={F(measured.StandardStartExecution, "0.000")} transitionShare@measured={F(measured.StandardStateTransitions, "0.000")}");
    }

    private static string F(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Opt(double? value) => value is { } v ? F(v, "0.00") : "none";

    private static string Usd(double? value) => value is { } v ? "$" + F(v, "0.00") : "not measured";

    private static string Percent(double share) => F(share * 100, "0.0") + "%";

    private static string ByFunction(IReadOnlyDictionary<string, double> values, string format) =>
        string.Join(", ", values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {F(p.Value, format)}"));
}
