using System.Text.Json;
using Spectre.Console;

namespace StepFunctionsCqrs.Cli.Queries;

/// <summary>Renders a read API answer: its scalar fields as a heading, its one list as a table.</summary>
public static class AnswerTable
{
    /// <summary>The heading line and the table of the answer's array of rows.</summary>
    public static (string Heading, Table Rows) From(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var heading = string.Join("  ", root.EnumerateObject()
            .Where(p => p.Value.ValueKind is not JsonValueKind.Array and not JsonValueKind.Object)
            .Select(p => $"{p.Name}: {Cell(p.Value)}"));
        var table = new Table();
        var rows = root.EnumerateObject().FirstOrDefault(p => p.Value.ValueKind == JsonValueKind.Array).Value;
        if (rows.ValueKind != JsonValueKind.Array || rows.GetArrayLength() == 0)
        {
            table.AddColumn("(no rows)");
            return (heading, table);
        }

        var columns = rows.EnumerateArray().First().EnumerateObject().Select(p => p.Name).ToList();
        foreach (var column in columns)
        {
            table.AddColumn(Markup.Escape(column));
        }

        foreach (var row in rows.EnumerateArray())
        {
            table.AddRow([.. columns.Select(c => Markup.Escape(row.TryGetProperty(c, out var value) ? Cell(value) : ""))]);
        }

        return (heading, table);
    }

    private static string Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => "",
        _ => value.GetRawText(),
    };
}
