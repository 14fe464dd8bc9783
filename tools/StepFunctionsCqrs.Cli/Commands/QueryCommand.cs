using System.CommandLine;
using Spectre.Console;
using StepFunctionsCqrs.Cli.Queries;

namespace StepFunctionsCqrs.Cli.Commands;

/// <summary><c>cqrs query availability|bookings|arrivals</c>: reads the views, through the read API URL when configured.</summary>
public static class QueryCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliRuntime runtime)
    {
        var query = new Command("query", "Read a view: through CQRS_READ_API_URL when set, else straight from the view tables.");

        var hotel = new Option<string>("--hotel") { Description = "Hotel id.", Required = true };
        var roomType = new Option<string>("--room-type") { Description = "Room type id.", Required = true };
        var from = new Option<DateOnly>("--from") { Description = "First night, yyyy-MM-dd.", Required = true };
        var to = new Option<DateOnly>("--to") { Description = "End of the range (exclusive), yyyy-MM-dd.", Required = true };
        var availability = new Command("availability", "Rooms left per night for a room type.");
        availability.Options.Add(hotel);
        availability.Options.Add(roomType);
        availability.Options.Add(from);
        availability.Options.Add(to);
        Bind(runtime, availability, parse => ReadRoutes.Availability(parse.GetValue(hotel)!, parse.GetValue(roomType)!, parse.GetValue(from), parse.GetValue(to)));

        var guest = new Option<string>("--guest") { Description = "Guest (user) id.", Required = true };
        var bookings = new Command("bookings", "A guest's bookings and waitlist entries.");
        bookings.Options.Add(guest);
        Bind(runtime, bookings, parse => ReadRoutes.GuestBookings(parse.GetValue(guest)!));

        var arrivalsHotel = new Option<string>("--hotel") { Description = "Hotel id.", Required = true };
        var date = new Option<DateOnly>("--date") { Description = "Arrival date, yyyy-MM-dd.", Required = true };
        var arrivals = new Command("arrivals", "Guests arriving at a hotel on a date.");
        arrivals.Options.Add(arrivalsHotel);
        arrivals.Options.Add(date);
        Bind(runtime, arrivals, parse => ReadRoutes.Arrivals(parse.GetValue(arrivalsHotel)!, parse.GetValue(date)));

        query.Subcommands.Add(availability);
        query.Subcommands.Add(bookings);
        query.Subcommands.Add(arrivals);
        return query;
    }

    private static void Bind(CliRuntime runtime, Command command, Func<ParseResult, (string Path, IReadOnlyDictionary<string, string> Query)> route)
    {
        var json = new Option<bool>("--json") { Description = "Print the answer as JSON." };
        command.Options.Add(json);
        command.SetAction((parse, ct) => CliApp.RunWithContextAsync(runtime, parse, async context =>
        {
            var (path, parameters) = route(parse);
            var answer = await context.ReadApi().GetAsync(path, parameters, ct).ConfigureAwait(false);
            if (!answer.Found)
            {
                runtime.Console.MarkupLineInterpolated($"[yellow]{answer.ErrorMessage()}[/]");
                return answer.StatusCode == 404 ? StatusCommand.PendingExitCode : CliApp.ErrorExitCode;
            }

            if (parse.GetValue(json))
            {
                runtime.Output.WriteLine(answer.Body);
                return 0;
            }

            var (heading, table) = AnswerTable.From(answer.Body);
            runtime.Console.WriteLine(heading);
            runtime.Console.Write(table);
            return 0;
        }));
    }
}
