using System.Diagnostics;

namespace StepFunctionsCqrs.EndToEnd.Tests.Targets;

/// <summary>The local cloud's fault-injection switch: a variable naming functions and the fraction of their calls that fail transiently.</summary>
public static class LocalCloudFaults
{
    /// <summary>The variable, e.g. <c>Persist:0.3</c>.</summary>
    public const string Variable = "CQRS_FAULTS";

    /// <summary>Why fault scenarios cannot run, or null when the host documents the switch in its usage text.</summary>
    public static string? Unavailable { get; } = Probe();

    private static string? Probe()
    {
        try
        {
            using var help = Process.Start(new ProcessStartInfo("dotnet", [LocalCloudProcess.HostAssembly(), "--help"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            var usage = help.StandardOutput.ReadToEnd();
            help.WaitForExit(30_000);
            return usage.Contains(Variable, StringComparison.Ordinal)
                ? null
                : $"The local cloud does not offer the {Variable} fault switch yet (its --help does not mention it).";
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }
}

/// <summary>A scenario that needs the local cloud's fault switch; skipped with the reason when the host lacks it.</summary>
public sealed class LocalCloudFaultsFactAttribute : FactAttribute
{
    /// <summary>Sets the skip reason from the probe.</summary>
    public LocalCloudFaultsFactAttribute()
    {
        if (LocalCloudFaults.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
