namespace StepFunctionsCqrs.Functions.Stores;

/// <summary>A read store that projections write to, row by row, guarded by the source version.</summary>
public interface IProjectedView<in TRow>
{
    /// <summary>Writes each row unless the view already holds that version or newer; returns how many landed.</summary>
    Task<int> ApplyAsync(IReadOnlyList<TRow> rows, CancellationToken cancellationToken);
}
