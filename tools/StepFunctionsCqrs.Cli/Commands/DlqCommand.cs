using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using StepFunctionsCqrs.Functions.DeadLetters;

namespace StepFunctionsCqrs.Cli.Commands;

/// <summary><c>cqrs dlq list|redrive</c>: the commands dead-letter queue.</summary>
public static class DlqCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliRuntime runtime)
    {
        var dlq = new Command("dlq", "Inspect or redrive the commands dead-letter queue (CQRS_DLQ_URL, default queue 'commands-dlq').");

        var listMax = new Option<int>("--max") { Description = "Most messages to show.", DefaultValueFactory = _ => 100 };
        var list = new Command("list", "List dead-lettered messages with the reason each could not be processed; they stay in the queue.");
        list.Options.Add(listMax);
        list.SetAction((parse, ct) => CliApp.RunWithContextAsync(runtime, parse, async context =>
        {
            var url = await context.QueueUrlAsync(context.Settings.DeadLetterQueue, ct).ConfigureAwait(false);
            var queue = new DeadLetterQueue(context.Clients.Sqs, url, context.Clients.StepFunctions, context.Settings.StateMachineArn);
            var letters = await TargetErrors.GuardAsync(() => queue.ListAsync(parse.GetValue(listMax), ct), context.SqsEndpoint, url).ConfigureAwait(false);
            var table = new Table().AddColumns("message", "sender", "received", "bytes", "reason", "body");
            foreach (var letter in letters)
            {
                table.AddRow(
                    Markup.Escape(letter.MessageId), Markup.Escape(letter.SenderId ?? ""), letter.ReceiveCount.ToString(CultureInfo.InvariantCulture),
                    letter.BodyBytes.ToString(CultureInfo.InvariantCulture), Markup.Escape(letter.Reason), Markup.Escape(letter.BodyPreview));
            }

            runtime.Console.Write(table);
            runtime.Console.MarkupLineInterpolated($"{letters.Count} message(s) in {url}");
            return 0;
        }));

        var redriveMax = new Option<int>("--max") { Description = "Most messages to move.", DefaultValueFactory = _ => 1000 };
        var redrive = new Command("redrive", "Move dead-lettered messages back to the commands queue (after fixing what made them fail), each judged as its first sender sent it; the operator must hold the admin role.");
        redrive.Options.Add(redriveMax);
        redrive.SetAction((parse, ct) => CliApp.RunWithContextAsync(runtime, parse, async context =>
        {
            var from = await context.QueueUrlAsync(context.Settings.DeadLetterQueue, ct).ConfigureAwait(false);
            var to = await context.QueueUrlAsync(context.Settings.CommandsQueue, ct).ConfigureAwait(false);
            var queue = new DeadLetterQueue(context.Clients.Sqs, from, context.Clients.StepFunctions, context.Settings.StateMachineArn);
            var outcome = await TargetErrors.GuardAsync(() => queue.RedriveAsync(to, parse.GetValue(redriveMax), null, ct), context.SqsEndpoint, from).ConfigureAwait(false);
            runtime.Console.MarkupLineInterpolated($"moved {outcome.Moved} message(s) from {from} to {to}, each with the authority of its first sender");
            foreach (var left in outcome.Left)
            {
                runtime.Console.MarkupLineInterpolated($"left {left.MessageId} in place: {left.Reason}");
            }

            return outcome.Left.Count == 0 ? 0 : 1;
        }));

        dlq.Subcommands.Add(list);
        dlq.Subcommands.Add(redrive);
        return dlq;
    }
}
