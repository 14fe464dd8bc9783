using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using StepFunctionsCqrs.Cli.Bench;
using StepFunctionsCqrs.Cli.Status;
using StepFunctionsCqrs.Cli.Submitting;

namespace StepFunctionsCqrs.Cli.Commands;

/// <summary><c>cqrs bench</c>: throughput and latency of the pipeline against the store's own write bound.</summary>
public static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliRuntime runtime)
    {
        var commands = new Option<int>("--commands", "-n") { Description = "BookRoom commands to submit.", DefaultValueFactory = _ => 2000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Submitters (and probe writers) at once.", DefaultValueFactory = _ => 32 };
        var roomTypes = new Option<int>("--room-types") { Description = "Room types the bookings spread over.", DefaultValueFactory = _ => 50 };
        var probeWrites = new Option<int>("--probe-writes") { Description = "Conditional writes the store probe times, after a fifth as many to warm up.", DefaultValueFactory = _ => 5000 };
        var warmup = new Option<int>("--warmup") { Description = "BookRoom commands run first and not counted (0 for none).", DefaultValueFactory = _ => 300 };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for every outcome.", DefaultValueFactory = _ => 900 };
        var historySample = new Option<int>("--history-sample")
        {
            Description = "Measured commands whose execution histories are read for the usage and cost figures (0 for none).", DefaultValueFactory = _ => 200,
        };
        var closedLoop = new Option<bool>("--closed-loop")
        {
            Description = "Each submitter sends one command and waits for its outcome before the next (with --concurrency 1, one command at a time).",
        };
        var command = new Command("bench", "Submit N commands through SQS; report commands/s, p50/p95/p99 submit→status latency, and the ratio to the store's conditional-write bound.");
        command.Options.Add(commands);
        command.Options.Add(concurrency);
        command.Options.Add(roomTypes);
        command.Options.Add(probeWrites);
        command.Options.Add(warmup);
        command.Options.Add(timeout);
        command.Options.Add(closedLoop);
        command.Options.Add(historySample);
        command.SetAction((parse, ct) => CliApp.RunWithContextAsync(runtime, parse, async context =>
        {
            var options = new BenchOptions(parse.GetValue(commands), parse.GetValue(concurrency), parse.GetValue(roomTypes),
                TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.GetValue(probeWrites), parse.GetValue(warmup), parse.GetValue(closedLoop),
                parse.GetValue(historySample));
            if (options.Commands < 1 || options.Concurrency < 1 || options.RoomTypes < 1 || options.ProbeWrites < 1)
            {
                throw new CliException("--commands, --concurrency, --room-types and --probe-writes must all be at least 1.");
            }

            if (options.WarmupCommands < 0 || options.HistorySample < 0)
            {
                throw new CliException($"--warmup and --history-sample must be 0 or more, not {options.WarmupCommands} and {options.HistorySample}.");
            }

            var queueUrl = await context.QueueUrlAsync(context.Settings.CommandsQueue, ct).ConfigureAwait(false);
            var runner = new BenchRunner(
                new CommandSubmitter(context.Clients.Sqs, queueUrl, context.SqsEndpoint),
                new StatusBatchPoller(context.Clients.DynamoDb, context.Settings.Tables.CommandStatus, context.DynamoDbEndpoint),
                context.Clients.DynamoDb, context.Settings.Tables, context.DynamoDbEndpoint, runtime.Time,
                new UsageProbe(context.Clients.StepFunctions, context.Settings.StateMachineArn, new LocalCloudMeter(context.SignedHttpClient, context.Settings.Endpoint)));
            BenchReport? report = null;
            await runtime.Console.Progress().AutoClear(false).StartAsync(async progress =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                report = await runner.RunAsync(options, new SynchronousProgress<(string Phase, int Done, int Total)>(p =>
                {
                    lock (tasks)
                    {
                        if (!tasks.TryGetValue(p.Phase, out var task))
                        {
                            tasks[p.Phase] = task = progress.AddTask(p.Phase, maxValue: p.Total);
                        }

                        task.Value = Math.Max(task.Value, p.Done);
                    }
                }), ct).ConfigureAwait(false);
            }).ConfigureAwait(false);

            Print(runtime, report!);
            return report!.Missing == 0 ? 0 : CliApp.ErrorExitCode;
        }));
        return command;
    }

    private static void Print(CliRuntime runtime, BenchReport report)
    {
        string F(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);
        string Ms(TimeSpan span) => F(span.TotalMilliseconds, "0") + " ms";
        var table = new Table().AddColumns("measure", "value");
        table.AddRow("commands", report.Commands.ToString(CultureInfo.InvariantCulture) + $" (after {report.WarmupCommands} not counted, to warm up)");
        table.AddRow("room types", report.RoomTypes.ToString(CultureInfo.InvariantCulture) + (report.RoomTypes == 1 ? " (every booking on one aggregate)" : " (bookings spread round-robin)"));
        table.AddRow("submitters", report.ClosedLoop
            ? $"{report.Submitters}, each waiting for its command's outcome before sending the next"
            : $"{report.Submitters}, each sending batches of ten back to back");
        table.AddRow("outcomes", Markup.Escape(string.Join(", ", report.Outcomes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")) + (report.Missing > 0 ? $", none yet {report.Missing}" : "")));
        table.AddRow("elapsed", F(report.Elapsed.TotalSeconds, "0.00") + " s");
        table.AddRow("throughput", F(report.CommandsPerSecond) + " commands/s");
        table.AddRow("submit→status p50 / p95 / p99 / max", $"{Ms(report.Latency.P50)} / {Ms(report.Latency.P95)} / {Ms(report.Latency.P99)} / {Ms(report.Latency.Max)}");
        table.AddRow("conditional writes per command", F(report.WritesPerCommand, "0.00"));
        table.AddRow("store: conditional PutItem/s", $"{F(report.StoreWritesPerSecond)} (probed {F(report.Store.Before)} before the run, {F(report.Store.After)} after; the higher counts)");
        table.AddRow("store bound", F(report.StoreBoundCommandsPerSecond) + " commands/s");
        table.AddRow("throughput / store bound", F(report.RatioToStoreBound, "0.00"));
        runtime.Console.Write(table);
        foreach (var commandId in report.NotAccepted)
        {
            runtime.Console.MarkupLineInterpolated($"not accepted: {commandId} (see 'cqrs status {commandId}' and 'cqrs trace {commandId}')");
        }

        runtime.Output.WriteLine(
            $"bench commands={report.Commands} warmup={report.WarmupCommands} throughput={F(report.CommandsPerSecond)}/s p50={Ms(report.Latency.P50)} p95={Ms(report.Latency.P95)} p99={Ms(report.Latency.P99)} " +
            $"writesPerCommand={F(report.WritesPerCommand, "0.00")} storeWrites={F(report.StoreWritesPerSecond)}/s storeWritesBefore={F(report.Store.Before)}/s storeWritesAfter={F(report.Store.After)}/s storeBound={F(report.StoreBoundCommandsPerSecond)}/s ratio={F(report.RatioToStoreBound, "0.00")} " +
            $"submitters={report.Submitters} loop={(report.ClosedLoop ? "closed" : "open")} roomTypes={report.RoomTypes}");
        if (report.Usage is { } usage)
        {
            UsageReport.Write(runtime.Console, runtime.Output, usage, report.CommandsPerSecond);
        }
    }
}
