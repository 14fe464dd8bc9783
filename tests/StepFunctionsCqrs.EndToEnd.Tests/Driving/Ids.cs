namespace StepFunctionsCqrs.EndToEnd.Tests.Driving;

/// <summary>Ids unique to one scenario run, so scenarios sharing a stack never see each other's data.</summary>
public static class Ids
{
    /// <summary>A fresh id with a readable prefix.</summary>
    public static string Fresh(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
