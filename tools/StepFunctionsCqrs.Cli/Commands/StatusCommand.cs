using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using StepFunctionsCqrs.Cli.Status;
using StepFunctionsCqrs.Functions.Json;
using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Cli.Commands;

/// <summary><c>cqrs status &lt;commandId&gt;</c>: what became of a command.</summary>
public static class StatusCommand
{
    /// <summary>Exit code when the command was rejected.</summary>
    public const int RejectedExitCode = 2;

    /// <summary>Exit code when the workflow failed.</summary>
    public const int FailedExitCode = 3;

    /// <summary>Exit code when no outcome is recorded (yet).</summary>
    public const int PendingExitCode = 4;

    /// <summary>Builds the command.</summary>
    public static Command Create(CliRuntime runtime)
    {
        var commandId = new Argument<string>("commandId") { Description = "The command id submit printed." };
        var wait = new Option<bool>("--wait") { Description = "Poll until an outcome is recorded." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds --wait waits.", DefaultValueFactory = _ => 60 };
        var json = new Option<bool>("--json") { Description = "Print the status record as JSON." };
        var command = new Command("status", "Show a command's outcome: Accepted, Rejected (with reasons) or Failed. Exit code 0/2/3, 4 when none yet.");
        command.Arguments.Add(commandId);
        command.Options.Add(wait);
        command.Options.Add(timeout);
        command.Options.Add(json);
        command.SetAction((parse, ct) => CliApp.RunWithContextAsync(runtime, parse, async context =>
        {
            var reader = new CommandStatusReader(context.ReadApi(), runtime.Time);
            var id = parse.GetValue(commandId)!;
            var report = parse.GetValue(wait)
                ? await reader.WaitAsync(id, TimeSpan.FromSeconds(parse.GetValue(timeout)), TimeSpan.FromMilliseconds(250), ct).ConfigureAwait(false)
                : await reader.ReadAsync(id, ct).ConfigureAwait(false);
            return Print(runtime, report, parse.GetValue(json));
        }));
        return command;
    }

    /// <summary>Prints a status report; returns the exit code that goes with it.</summary>
    public static int Print(CliRuntime runtime, CommandStatusReport report, bool json)
    {
        if (json)
        {
            runtime.Output.WriteLine(report.Record is null
                ? JsonSerializer.Serialize(new { commandId = report.CommandId, status = "Pending" }, HandlerJson.Options)
                : JsonSerializer.Serialize(report.Record, HandlerJson.Options));
        }
        else if (report.Record is not { } record)
        {
            runtime.Console.MarkupLineInterpolated($"{report.CommandId}: [yellow]no outcome recorded yet[/] (still queued or running, dead-lettered, or an unknown id)");
        }
        else
        {
            var colour = record.Status switch { CommandOutcome.Accepted => "green", CommandOutcome.Rejected => "yellow", _ => "red" };
            runtime.Console.MarkupLineInterpolated($"{record.CommandId}: [{colour}]{record.Status}[/] at {record.RecordedAt:O}");
            foreach (var reason in record.Reasons ?? [])
            {
                runtime.Console.MarkupLineInterpolated($"  {reason.Code}{(reason.Field is null ? "" : $" ({reason.Field})")}: {reason.Message}");
            }

            if (record.Error is { } error)
            {
                runtime.Console.MarkupLineInterpolated($"  error: {error.GetRawText()}");
            }

            foreach (var change in record.Changes ?? [])
            {
                runtime.Console.MarkupLineInterpolated($"  appended {change.AggregateId} v{change.Version}");
            }

            runtime.Console.MarkupLineInterpolated($"  execution: {record.ExecutionId}");
        }

        return report.Record?.Status switch
        {
            CommandOutcome.Accepted => 0,
            CommandOutcome.Rejected => RejectedExitCode,
            CommandOutcome.Failed => FailedExitCode,
            _ => PendingExitCode,
        };
    }
}
