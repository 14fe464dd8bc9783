using Amazon.CDK;
using StepFunctionsCqrs.Infra.Configuration;
using StepFunctionsCqrs.Infra.Tests.Support;
using StepFunctionsCqrs.Testing;

namespace StepFunctionsCqrs.Infra.Tests.Deployment;

public sealed class DeployLocalStackScriptTests
{
    private const string CodePath = "/tmp/sfcqrs-published-functions";
    private const string OutputsFile = "/tmp/sfcqrs-localstack-outputs.json";

    [Fact]
    public async Task A_dry_run_publishes_then_bootstraps_then_deploys_with_the_localstack_settings()
    {
        var lines = await DryRun(new() { ["LAMBDA_RUNTIME"] = "dotnet8" });

        var publish = lines.FindIndex(l => l.Contains("infra/scripts/publish-functions.sh", StringComparison.Ordinal));
        var bootstrap = lines.FindIndex(l => l.StartsWith("+ npx cdklocal bootstrap aws://000000000000/eu-central-1", StringComparison.Ordinal));
        var deploy = lines.FindIndex(l => l.StartsWith("+ npx cdklocal deploy", StringComparison.Ordinal));
        Assert.True(publish >= 0 && bootstrap > publish && deploy > bootstrap, string.Join('\n', lines));
        Assert.Contains($"OUTPUT_DIR={CodePath}", lines[publish], StringComparison.Ordinal);
        Assert.Contains("--require-approval never", lines[deploy], StringComparison.Ordinal);
        Assert.Contains($"--outputs-file {OutputsFile}", lines[deploy], StringComparison.Ordinal);

        var settings = DeploymentSettings.FromContext(new App(new AppProps { Context = ContextOf(lines[deploy]) }).Node);
        Assert.Equal("dotnet8", settings.LambdaRuntimeName);
        Assert.Equal(RemovalPolicy.DESTROY, settings.RemovalPolicy);
        Assert.False(settings.IncludeHttpApi);
        Assert.False(settings.AlarmTopic);
        Assert.Equal(CodePath, settings.FunctionsCodePath);
    }

    [Fact]
    public async Task Runtime_defaults_to_dotnet10_and_the_http_api_can_be_turned_on()
    {
        var lines = await DryRun(new() { ["HTTP_API"] = "true" });

        var context = ContextOf(lines.Single(l => l.StartsWith("+ npx cdklocal deploy", StringComparison.Ordinal)));
        Assert.Equal("dotnet10", context["lambdaRuntime"]);
        Assert.Equal("true", context["httpApi"]);
    }

    [Fact]
    public async Task Skip_publish_reuses_the_existing_folder()
    {
        var lines = await DryRun(new() { ["SKIP_PUBLISH"] = "1" });

        Assert.DoesNotContain(lines, l => l.Contains("publish-functions.sh", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("+ npx cdklocal deploy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_publish_script_builds_the_functions_project_for_linux_arm64_framework_dependent()
    {
        var result = await ProcessRunner.RunAsync(
            "bash",
            [RepositoryRoot.Combine("infra", "scripts", "publish-functions.sh")],
            RepositoryRoot.Path,
            new Dictionary<string, string?> { ["DRY_RUN"] = "1", ["OUTPUT_DIR"] = CodePath },
            TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == 0, result.Describe());
        var publish = result.StandardOutput.Split('\n').Single(l => l.StartsWith("+ dotnet publish", StringComparison.Ordinal));
        var project = RepositoryRoot.Combine("functions", "StepFunctionsCqrs.Functions", "StepFunctionsCqrs.Functions.csproj");
        Assert.Contains(project, publish, StringComparison.Ordinal);
        Assert.True(File.Exists(project));
        Assert.Contains("--runtime linux-arm64", publish, StringComparison.Ordinal);
        Assert.Contains("--self-contained false", publish, StringComparison.Ordinal);
        Assert.Contains($"--output {CodePath}", publish, StringComparison.Ordinal);
    }

    private static async Task<List<string>> DryRun(Dictionary<string, string?> environment)
    {
        environment["DRY_RUN"] = "1";
        environment["AWS_REGION"] = "eu-central-1";
        environment["FUNCTIONS_CODE_PATH"] = CodePath;
        environment["OUTPUTS_FILE"] = OutputsFile;
        var result = await ProcessRunner.RunAsync(
            "bash", [RepositoryRoot.Combine("infra", "scripts", "deploy-localstack.sh")], RepositoryRoot.Path, environment, TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == 0, result.Describe());
        return [.. result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>The <c>-c key=value</c> pairs of a printed command line.</summary>
    private static Dictionary<string, object> ContextOf(string commandLine)
    {
        var words = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Zip(words.Skip(1))
            .Where(pair => pair.First == "-c")
            .Select(pair => pair.Second.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => (object)kv[1]);
    }
}
