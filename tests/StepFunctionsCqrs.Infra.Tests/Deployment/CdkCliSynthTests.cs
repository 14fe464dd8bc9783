using System.Diagnostics;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Infra.Tests.Support;
using StepFunctionsCqrs.Testing;
using Xunit.Abstractions;

namespace StepFunctionsCqrs.Infra.Tests.Deployment;

/// <summary>
/// Runs the real toolchain a developer runs: the publish script, then <c>cdk synth</c> from infra/ through the npm CLI
/// (installed by <c>npm ci</c> in infra/), offline, with the CLI's version check and telemetry off.
/// </summary>
public sealed class CdkCliSynthTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private readonly string _work = Directory.CreateTempSubdirectory("sfcqrs-synth-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Synth_of_the_published_functions_yields_a_template_with_every_output_and_the_publish_folder_as_code()
    {
        var published = Path.Combine(_work, "functions");
        var publish = await ProcessRunner.RunAsync(
            "bash", [RepositoryRoot.Combine("infra", "scripts", "publish-functions.sh")], RepositoryRoot.Path,
            new Dictionary<string, string?> { ["OUTPUT_DIR"] = published }, Timeout);
        Assert.True(publish.ExitCode == 0, publish.Describe());

        var assembly = Path.Combine(_work, "cdk.out");
        var clock = Stopwatch.StartNew();
        var synth = await Synth($"functionsCodePath={published}", assembly);
        output.WriteLine($"cdk synth took {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(synth.ExitCode == 0, synth.Describe());

        var template = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(assembly, "StepFunctionsCqrs.template.json")))!;
        var outputs = template["Outputs"]!.AsObject().Select(o => o.Key).ToHashSet();
        var expected = new[]
            {
                StackOutputNames.CommandsQueueUrl, StackOutputNames.DeadLetterQueueUrl, StackOutputNames.StateMachineArn,
                StackOutputNames.ExecutionLogGroupName, StackOutputNames.ApiUrl, StackOutputNames.Region,
            }
            .Concat(Tables.All.Select(StackOutputNames.TableName));
        Assert.Subset(outputs, expected.ToHashSet());

        // The staged code asset is the publish output, runtime config included (the managed runtime needs it).
        var assetFolders = Directory.GetDirectories(assembly, "asset.*");
        var asset = Assert.Single(assetFolders);
        Assert.True(File.Exists(Path.Combine(asset, "StepFunctionsCqrs.Functions.dll")));
        Assert.True(File.Exists(Path.Combine(asset, "StepFunctionsCqrs.Functions.runtimeconfig.json")));
    }

    [Fact]
    public async Task Synth_without_a_publish_folder_fails_naming_the_publish_script()
    {
        var missing = Path.Combine(_work, "never-published");

        var synth = await Synth($"functionsCodePath={missing}", Path.Combine(_work, "cdk.out"));

        Assert.NotEqual(0, synth.ExitCode);
        Assert.Contains("infra/scripts/publish-functions.sh", synth.StandardError, StringComparison.Ordinal);
        Assert.Contains(missing, synth.StandardError, StringComparison.Ordinal);
    }

    private static async Task<ProcessRunner.Result> Synth(string context, string outputFolder)
    {
        var infra = RepositoryRoot.Combine("infra");
        var cdk = Path.Combine(infra, "node_modules", ".bin", "cdk");
        Assert.True(File.Exists(cdk), $"The CDK CLI is not installed at {cdk}; run `npm ci` in infra/ first.");

        return await ProcessRunner.RunAsync(
            cdk,
            ["synth", "--quiet", "--no-notices", "--no-version-reporting", "-c", context, "--output", outputFolder],
            infra,
            new Dictionary<string, string?>
            {
                ["CDK_DISABLE_VERSION_CHECK"] = "1",
                ["CDK_DISABLE_CLI_TELEMETRY"] = "true",
                ["JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION"] = "1",
                ["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] = "1",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
            },
            Timeout);
    }
}
