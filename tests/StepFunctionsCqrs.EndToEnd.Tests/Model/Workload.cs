using System.Text;

namespace StepFunctionsCqrs.EndToEnd.Tests.Model;

/// <summary>Hotels registered first, then commands sent concurrently with a crash of the host in the middle.</summary>
public sealed record Workload(IReadOnlyList<HotelPlan> Hotels, IReadOnlyList<WorkloadCommand> Commands)
{
    /// <summary>The first day of the stays; far enough ahead that no stay is in the past.</summary>
    public static readonly DateOnly FirstNight = new(2031, 3, 1);

    /// <summary>Commands sent before the crash; the rest are sent after the restart.</summary>
    public int SentBeforeCrash => (Commands.Count + 1) / 2;

    /// <summary>One line per hotel and command, for a failing workload.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"Workload: {Hotels.Count} hotels, {Commands.Count} commands (crash after {SentBeforeCrash})");
        foreach (var hotel in Hotels)
        {
            text.AppendLine($"  hotel {hotel}");
        }

        for (var i = 0; i < Commands.Count; i++)
        {
            if (i == SentBeforeCrash)
            {
                text.AppendLine("  -- kill -9, restart --");
            }

            text.AppendLine($"  {Commands[i]}");
        }

        return text.ToString();
    }
}
