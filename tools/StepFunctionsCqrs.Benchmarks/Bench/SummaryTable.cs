using System.Globalization;

namespace StepFunctionsCqrs.Benchmarks.Bench;

/// <summary>The final table of the `bench` verb: every measurement, and how the shared machine compares with the baseline.</summary>
public static class SummaryTable
{
    /// <summary>Writes the table and the goal verdict for the machine both engines ran.</summary>
    public static void Print(IReadOnlyList<Measurement> ours, Measurement baseline, double goal, TextWriter output)
    {
        var rows = ours.Append(baseline).ToList();
        var inv = CultureInfo.InvariantCulture;
        string[] header = ["Machine", "Engine", "Executions/s", "µs/exec", "Bytes/exec"];
        var cells = rows.Select(m => new[]
        {
            m.Machine,
            m.Engine,
            m.ExecutionsPerSecond.ToString("N0", inv),
            m.MicrosecondsPerExecution.ToString("N2", inv),
            m.BytesPerExecution?.ToString("N0", inv) ?? "n/a",
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, cells.Max(c => c[i].Length))).ToArray();

        output.WriteLine();
        output.WriteLine("==== Summary ====");
        WriteRow(header, widths, output);
        output.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in cells) WriteRow(row, widths, output);
        output.WriteLine();

        var shared = ours.SingleOrDefault(m => m.Machine == baseline.Machine)
            ?? throw new InvalidOperationException($"No measurement of '{baseline.Machine}' on our engine to compare with the baseline.");
        var ratio = shared.ExecutionsPerSecond / baseline.ExecutionsPerSecond;
        output.WriteLine(string.Create(inv, $"Ratio ours/baseline on {baseline.Machine} (executions/s): {ratio:N1}x"));
        output.WriteLine(ratio >= goal
            ? string.Create(inv, $"Goal of >= {goal:N0}x the baseline: MET ({ratio:N1}x).")
            : string.Create(inv, $"Goal of >= {goal:N0}x the baseline: NOT MET ({ratio:N1}x)."));
    }

    private static void WriteRow(string[] cells, int[] widths, TextWriter output) =>
        output.WriteLine(string.Join(" | ", cells.Select((c, i) => i < 2 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))));
}
