using Spectre.Console;
using Spectre.Console.Rendering;
using StepFunctionsCqrs.Cli.Queries;

namespace StepFunctionsCqrs.Cli.Tests.Queries;

public sealed class AnswerTableTests
{
    [Fact]
    public void Scalars_become_the_heading_and_the_list_becomes_rows()
    {
        var (heading, table) = AnswerTable.From("""{"hotelId":"grand","capacity":2,"nights":[{"date":"2027-01-01","roomsLeft":1},{"date":"2027-01-02","roomsLeft":0}]}""");

        Assert.Equal("hotelId: grand  capacity: 2", heading);
        Assert.Equal(2, table.Columns.Count);
        Assert.Equal(2, table.Rows.Count);
        var text = Render(table);
        Assert.Contains("roomsLeft", text);
        Assert.Contains("2027-01-02", text);
    }

    [Fact]
    public void An_empty_list_says_there_are_no_rows()
    {
        var (_, table) = AnswerTable.From("""{"hotelId":"grand","arrivals":[]}""");

        Assert.Contains("(no rows)", Render(table));
        Assert.Empty(table.Rows);
    }

    private static string Render(IRenderable renderable)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer) });
        console.Write(renderable);
        return writer.ToString();
    }
}
