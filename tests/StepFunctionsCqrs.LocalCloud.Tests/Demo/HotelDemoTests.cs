using StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

namespace StepFunctionsCqrs.LocalCloud.Tests.Demo;

public sealed class HotelDemoTests : IAsyncLifetime
{
    private readonly string stateFolder = Path.Combine(Path.GetTempPath(), "localcloud-demo-tests", Guid.NewGuid().ToString("N"));
    private HostProcess? host;

    [Fact]
    public async Task The_demo_runs_start_to_finish_showing_the_race_outcome_and_the_promotion()
    {
        host = await HostProcess.StartAsync(["demo", "--exit-when-done", "--port", "0", "--state", stateFolder], waitUntilListening: false);

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromMinutes(5));

        var output = host.Output;
        Assert.True(exitCode == 0, $"The demo exited with {exitCode}:{Environment.NewLine}{output}");
        Assert.Contains("✔ exactly one guest got the last room", output);
        Assert.Contains("was promoted from the waitlist", output);
        Assert.Contains("(from waitlist)", output);
        Assert.Contains("ExecutionSucceeded", output);
        Assert.Contains("Demo passed", output);
        Assert.Matches(@"Console: http://127\.0\.0\.1:\d+/console/", output);
        Assert.Matches(@"In the console: http://127\.0\.0\.1:\d+/console/executions/command-pipeline/demo-\d+-cancel-alice", output);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        try
        {
            Directory.Delete(stateFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
