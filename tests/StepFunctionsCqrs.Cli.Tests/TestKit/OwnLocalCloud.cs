using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.Functions.StepFunctions.Errors;
using StepFunctionsCqrs.LocalCloud.Pipeline;

namespace StepFunctionsCqrs.Cli.Tests.TestKit;

/// <summary>A whole local cloud on a free port with a throwaway state folder, deleted when it stops.</summary>
public sealed class OwnLocalCloud : IAsyncDisposable
{
    private readonly string stateFolder;

    private OwnLocalCloud(PipelineCloud cloud, string stateFolder)
    {
        Cloud = cloud;
        this.stateFolder = stateFolder;
    }

    /// <summary>The running cloud.</summary>
    public PipelineCloud Cloud { get; }

    /// <summary>Starts one; <paramref name="visibilityTimeoutSeconds"/> shortens redelivery for tests that dead-letter.</summary>
    public static async Task<OwnLocalCloud> StartAsync(int? visibilityTimeoutSeconds = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cli-tests-cloud", Guid.NewGuid().ToString("N"));
        var options = new PipelineOptions { Port = 0, StateFolder = folder, RepositoryRoot = Testing.RepositoryRoot.Path };
        return new OwnLocalCloud(await PipelineCloud.StartAsync(visibilityTimeoutSeconds is { } seconds ? options with { VisibilityTimeoutSeconds = seconds } : options), folder);
    }

    /// <summary>The execution's description, or null while the command has none.</summary>
    public static async Task<Functions.StepFunctions.Model.DescribeExecutionResult?> TryDescribeAsync(StepFunctionsClient stepFunctions, string executionArn)
    {
        try
        {
            return await stepFunctions.DescribeExecutionAsync(executionArn);
        }
        catch (ExecutionDoesNotExistException)
        {
            return null;
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, failing the test after 90 seconds.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(90);
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The condition did not hold within 90 seconds.");
            await Task.Delay(100);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Cloud.DisposeAsync();
        try
        {
            Directory.Delete(stateFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the run over it would hide the real result.
        }
    }
}
