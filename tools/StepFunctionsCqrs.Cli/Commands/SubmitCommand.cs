using System.CommandLine;
using Spectre.Console;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Cli.Status;
using StepFunctionsCqrs.Cli.Submitting;

namespace StepFunctionsCqrs.Cli.Commands;

/// <summary><c>cqrs submit</c>: sends a command to the commands queue and prints its command id.</summary>
public static class SubmitCommand
{
    /// <summary>Builds the command and its per-type subcommands.</summary>
    public static Command Create(CliRuntime runtime)
    {
        var file = new Option<FileInfo?>("--file", "-f") { Description = "A JSON command envelope to send as is (a missing commandId is generated)." };
        var wait = new Option<bool>("--wait") { Description = "Wait for the outcome and print it.", Recursive = true };
        var timeout = new Option<int>("--timeout") { Description = "Seconds --wait waits.", DefaultValueFactory = _ => 60, Recursive = true };
        var submit = new Command("submit", "Send a command: from a JSON file (--file) or built from flags by a subcommand.");
        submit.Options.Add(file);
        submit.Options.Add(wait);
        submit.Options.Add(timeout);
        submit.SetAction((parse, ct) =>
        {
            if (parse.GetValue(file) is not { } path)
            {
                runtime.Console.MarkupLine("[red]error:[/] give --file <envelope.json>, or use a subcommand: register-hotel, book-room, cancel-booking.");
                return Task.FromResult(CliApp.ErrorExitCode);
            }

            return SendAsync(runtime, parse, parse.GetValue(wait), parse.GetValue(timeout), _ =>
                File.Exists(path.FullName)
                    ? CommandEnvelopeBuilder.FromJson(File.ReadAllText(path.FullName), path.FullName)
                    : throw new CliException($"The file '{path.FullName}' does not exist."), ct);
        });

        var hotel = new Option<string>("--hotel") { Description = "Hotel id.", Required = true };
        var name = new Option<string>("--name") { Description = "Hotel name.", Required = true };
        var roomTypes = new Option<string[]>("--room-type") { Description = "roomTypeId:capacity; repeat for each room type.", Required = true, AllowMultipleArgumentsPerToken = true };
        var register = new Command("register-hotel", "Register a hotel with its room types and nightly capacity (admin).");
        var registerCommon = new CommonOptions();
        registerCommon.AddTo(register, "admin", "admin");
        register.Options.Add(hotel);
        register.Options.Add(name);
        register.Options.Add(roomTypes);
        register.SetAction((parse, ct) => SendAsync(runtime, parse, parse.GetValue(wait), parse.GetValue(timeout), builder => builder.RegisterHotel(
            registerCommon.Read(parse), parse.GetValue(hotel)!, parse.GetValue(name)!, [.. parse.GetValue(roomTypes)!.Select(CommandEnvelopeBuilder.ParseRoomType)]), ct));

        var bookHotel = new Option<string>("--hotel") { Description = "Hotel id.", Required = true };
        var roomType = new Option<string>("--room-type") { Description = "Room type id.", Required = true };
        var booking = new Option<string?>("--booking") { Description = "Booking id (client-chosen); generated when omitted." };
        var checkIn = new Option<DateOnly>("--check-in") { Description = "First night, yyyy-MM-dd.", Required = true };
        var checkOut = new Option<DateOnly>("--check-out") { Description = "Departure day, yyyy-MM-dd (the last night is the day before).", Required = true };
        var book = new Command("book-room", "Book a room for the nights in [check-in, check-out); waitlisted when full.");
        var bookCommon = new CommonOptions();
        bookCommon.AddTo(book, "guest-1", "guest");
        book.Options.Add(bookHotel);
        book.Options.Add(roomType);
        book.Options.Add(booking);
        book.Options.Add(checkIn);
        book.Options.Add(checkOut);
        book.SetAction((parse, ct) => SendAsync(runtime, parse, parse.GetValue(wait), parse.GetValue(timeout), builder => builder.BookRoom(
            bookCommon.Read(parse), parse.GetValue(bookHotel)!, parse.GetValue(roomType)!, parse.GetValue(booking) ?? $"bk-{Guid.NewGuid():N}"[..15],
            parse.GetValue(checkIn), parse.GetValue(checkOut)), ct));

        var cancelHotel = new Option<string>("--hotel") { Description = "Hotel id.", Required = true };
        var cancelRoomType = new Option<string>("--room-type") { Description = "Room type id.", Required = true };
        var cancelBooking = new Option<string>("--booking") { Description = "Booking id.", Required = true };
        var cancel = new Command("cancel-booking", "Cancel a booking (its guest or an admin); promotes waitlisted guests that now fit.");
        var cancelCommon = new CommonOptions();
        cancelCommon.AddTo(cancel, "guest-1", "guest");
        cancel.Options.Add(cancelHotel);
        cancel.Options.Add(cancelRoomType);
        cancel.Options.Add(cancelBooking);
        cancel.SetAction((parse, ct) => SendAsync(runtime, parse, parse.GetValue(wait), parse.GetValue(timeout), builder => builder.CancelBooking(
            cancelCommon.Read(parse), parse.GetValue(cancelHotel)!, parse.GetValue(cancelRoomType)!, parse.GetValue(cancelBooking)!), ct));

        submit.Subcommands.Add(register);
        submit.Subcommands.Add(book);
        submit.Subcommands.Add(cancel);
        return submit;
    }

    private static Task<int> SendAsync(
        CliRuntime runtime, ParseResult parse, bool wait, int timeoutSeconds, Func<CommandEnvelopeBuilder, JsonObject> build, CancellationToken cancellationToken) =>
        CliApp.RunWithContextAsync(runtime, parse, async context =>
        {
            var envelope = build(new CommandEnvelopeBuilder(runtime.Time));
            var queueUrl = await context.QueueUrlAsync(context.Settings.CommandsQueue, cancellationToken).ConfigureAwait(false);
            var sent = await new CommandSubmitter(context.Clients.Sqs, queueUrl, context.SqsEndpoint).SubmitAsync(envelope, cancellationToken).ConfigureAwait(false);
            runtime.Output.WriteLine(sent.CommandId);
            if (!wait)
            {
                return 0;
            }

            var report = await new CommandStatusReader(context.ReadApi(), runtime.Time)
                .WaitAsync(sent.CommandId, TimeSpan.FromSeconds(timeoutSeconds), TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
            return StatusCommand.Print(runtime, report, json: false);
        });

    // The envelope fields each per-type subcommand shares; its own instances, since an option belongs to one command.
    private sealed class CommonOptions
    {
        private readonly Option<string?> commandId = new("--command-id") { Description = "The idempotency key; generated when omitted." };
        private readonly Option<string> user = new("--user") { Description = "The actor's user id." };
        private readonly Option<string[]> roles = new("--role") { Description = "A role the actor claims; repeatable." };
        private readonly Option<string?> correlation = new("--correlation-id") { Description = "Correlation id; defaults to the command id." };
        private readonly Option<long?> expectedVersion = new("--expected-version") { Description = "Only apply if the aggregate is at this version." };
        private string defaultRole = "";

        public void AddTo(Command command, string defaultUser, string role)
        {
            user.DefaultValueFactory = _ => defaultUser;
            defaultRole = role;
            command.Options.Add(commandId);
            command.Options.Add(user);
            command.Options.Add(roles);
            command.Options.Add(correlation);
            command.Options.Add(expectedVersion);
        }

        public EnvelopeOptions Read(ParseResult parse) => new(
            parse.GetValue(commandId),
            parse.GetValue(user)!,
            parse.GetValue(roles) is { Length: > 0 } given ? given : [defaultRole],
            parse.GetValue(correlation),
            parse.GetValue(expectedVersion));
    }
}
