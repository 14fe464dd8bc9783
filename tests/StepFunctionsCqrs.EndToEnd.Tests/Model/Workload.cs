using System.Text;

namespace StepFunctionsCqrs.EndToEnd.Tests.Model;

/// <summary>
/// Hotels registered first, then the commands in three waves, each sent concurrently and waited for before the next, so
/// cancellations meet the bookings they target and waitlisted requests get promoted: the first half's bookings; the
/// first half's cancellations with the second half's bookings, with a kill -9 of the host while they run; the second
/// half's cancellations.
/// </summary>
public sealed record Workload(IReadOnlyList<HotelPlan> Hotels, IReadOnlyList<WorkloadCommand> Commands)
{
    /// <summary>The first day of the stays; far enough ahead that no stay is in the past.</summary>
    public static readonly DateOnly FirstNight = new(2031, 3, 1);

    /// <summary>The wave during which the host is killed.</summary>
    public const int CrashWave = 1;

    /// <summary>The commands of each wave, in workload order within a wave.</summary>
    public IReadOnlyList<IReadOnlyList<WorkloadCommand>> Waves
    {
        get
        {
            var half = (Commands.Count + 1) / 2;
            var first = Commands.Take(half).ToList();
            var second = Commands.Skip(half).ToList();
            return
            [
                [.. first.Where(c => c is not CancelCommand)],
                [.. first.Where(c => c is CancelCommand), .. second.Where(c => c is not CancelCommand)],
                [.. second.Where(c => c is CancelCommand)],
            ];
        }
    }

    /// <summary>One line per hotel and command, wave by wave, for a failing workload.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"Workload: {Hotels.Count} hotels, {Commands.Count} commands in {Waves.Count} waves (kill -9 during wave {CrashWave + 1})");
        foreach (var hotel in Hotels)
        {
            text.AppendLine($"  hotel {hotel}");
        }

        var waves = Waves;
        for (var w = 0; w < waves.Count; w++)
        {
            text.AppendLine($"  -- wave {w + 1}{(w == CrashWave ? ", kill -9 and restart while it runs" : "")} --");
            foreach (var command in waves[w])
            {
                text.AppendLine($"  {command}");
            }
        }

        return text.ToString();
    }
}
