using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Functions.Tests.TestKit;

/// <summary>The real commit log underneath, recording what each read asked for and how many commits it returned.</summary>
public sealed class ReadCountingLog(ICommitLog inner) : ICommitLog
{
    public List<(string AggregateId, long AfterVersion, int Returned)> Reads { get; } = [];

    public async Task<IReadOnlyList<StoredCommit>> LoadAsync(string aggregateId, CancellationToken cancellationToken) =>
        await LoadAfterAsync(aggregateId, 0, cancellationToken);

    public async Task<IReadOnlyList<StoredCommit>> LoadAfterAsync(string aggregateId, long afterVersion, CancellationToken cancellationToken)
    {
        var commits = await inner.LoadAfterAsync(aggregateId, afterVersion, cancellationToken);
        Reads.Add((aggregateId, afterVersion, commits.Count));
        return commits;
    }

    public Task<IReadOnlyList<StoredCommit>> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);

    public Task AppendAsync(StoredCommit commit, CancellationToken cancellationToken) => inner.AppendAsync(commit, cancellationToken);
}
