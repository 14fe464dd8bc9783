using StepFunctionsCqrs.LocalCloud.Pipeline;

namespace StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

public sealed class StateFolderMarkerTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("marker-tests-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task Reset_of_a_folder_that_holds_something_else_is_refused_and_deletes_nothing()
    {
        var precious = Path.Combine(folder.FullName, "thesis.tex");
        await File.WriteAllTextAsync(precious, "years of work");

        var error = await Assert.ThrowsAsync<NotAStateFolderException>(() => PipelineCloud.StartAsync(new PipelineOptions
        {
            Port = 0, StateFolder = folder.FullName, Reset = true, RepositoryRoot = LocalCloud.Bootstrap.RepositoryRoot.Find(),
        }));

        Assert.Contains(StateFolderMarker.FileName, error.Message);
        Assert.True(File.Exists(precious));
    }

    [Fact]
    public void Reset_of_a_marked_folder_or_an_empty_one_is_allowed()
    {
        StateFolderMarker.RequireForReset(folder.FullName);
        File.WriteAllText(Path.Combine(folder.FullName, "sqs.db"), "");
        StateFolderMarker.Mark(folder.FullName);

        StateFolderMarker.RequireForReset(folder.FullName);
    }
}
