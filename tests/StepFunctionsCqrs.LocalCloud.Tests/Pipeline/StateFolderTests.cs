using System.Text.Json.Nodes;
using Amazon.Runtime;

namespace StepFunctionsCqrs.LocalCloud.Tests.Pipeline;

public sealed class StateFolderTests : IAsyncLifetime
{
    private readonly string stateFolder = Path.Combine(Path.GetTempPath(), "localcloud-state-tests", Guid.NewGuid().ToString("N"));
    private readonly List<HostProcess> hosts = [];

    [Fact]
    public async Task A_restart_keeps_what_was_created_and_reset_wipes_it()
    {
        var describe = new JsonObject { ["stateMachineArn"] = "arn:aws:states:us-east-1:000000000000:stateMachine:kept" };
        var first = await StartAsync([]);
        using (var raw = Raw(first))
        {
            await raw.StatesOkAsync("CreateStateMachine", new JsonObject
            {
                ["name"] = "kept", ["definition"] = StepFunctions.TestMachines.Quick, ["roleArn"] = "arn:aws:iam::000000000000:role/test",
            });
        }

        await first.DisposeAsync();
        var second = await StartAsync([]);
        using (var raw = Raw(second))
        {
            await raw.StatesOkAsync("DescribeStateMachine", describe);
        }

        await second.DisposeAsync();
        var third = await StartAsync(["--reset"]);
        using (var raw = Raw(third))
        {
            var (status, answer) = await raw.StatesAsync("DescribeStateMachine", describe);
            Assert.Equal(400, status);
            Assert.Equal("StateMachineDoesNotExist", answer["__type"]!.GetValue<string>());
            await raw.StatesOkAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = "arn:aws:states:us-east-1:000000000000:stateMachine:command-pipeline" });
        }
    }

    [Fact]
    public async Task A_second_host_on_a_folder_in_use_is_refused_naming_the_folder_and_the_first_keeps_serving()
    {
        var first = await StartAsync([]);

        var second = await HostProcess.StartAsync(["--port", "0", "--state", stateFolder, "--reset"], waitUntilListening: false);
        hosts.Add(second);
        var exitCode = await second.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(1, exitCode);
        Assert.Contains($"The state folder {stateFolder} is in use by another local cloud", second.Output, StringComparison.Ordinal);
        using var raw = Raw(first);
        await raw.StatesOkAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = "arn:aws:states:us-east-1:000000000000:stateMachine:command-pipeline" });
    }

    [Fact]
    public async Task A_killed_host_leaves_the_folder_free_for_the_next()
    {
        var first = await StartAsync([]);
        first.Kill();

        var second = await StartAsync([]);

        using var raw = Raw(second);
        await raw.StatesOkAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = "arn:aws:states:us-east-1:000000000000:stateMachine:command-pipeline" });
    }

    [Fact]
    public async Task SIGTERM_stops_the_host_cleanly_with_its_dynalite_and_frees_the_folder()
    {
        var first = await StartAsync([]);
        var dynalite = first.DynaliteProcessId;

        first.Terminate();

        Assert.Equal(0, await first.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.True(await ExitedAsync(dynalite), $"dynalite {dynalite} outlived the host.");
        var second = await StartAsync([]);
        using var raw = Raw(second);
        await raw.StatesOkAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = "arn:aws:states:us-east-1:000000000000:stateMachine:command-pipeline" });
    }

    private static async Task<bool> ExitedAsync(int processId)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(processId);
                if (process.HasExited)
                {
                    return true;
                }
            }
            catch (ArgumentException)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in hosts)
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

    private async Task<HostProcess> StartAsync(string[] extra)
    {
        var host = await HostProcess.StartAsync(["--port", "0", "--state", stateFolder, .. extra]);
        hosts.Add(host);
        return host;
    }

    private static AwsJsonCaller Raw(HostProcess host) => new(host.Endpoint, new BasicAWSCredentials("AKIDTEST", "x"));
}
