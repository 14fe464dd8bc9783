using System.Diagnostics;

namespace StepFunctionsCqrs.LocalCloud.Tests.StepFunctions;

/// <summary>
/// The AWS CLI (botocore, an AWS SDK of its own) pointed at an edge: the real client's request shapes, client-side
/// validation and error parsing, with a key the local cloud serves as an unknown caller.
/// </summary>
public static class AwsCli
{
    /// <summary>Runs <c>aws stepfunctions &lt;arguments&gt;</c> against <paramref name="edge"/> and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> StepFunctionsAsync(Uri edge, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable(), ["stepfunctions", .. arguments, "--endpoint-url", edge.ToString().TrimEnd('/'), "--region", "us-east-1", "--output", "json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in new[] { "AWS_PROFILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = "AKIDCLITEST";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "cli-secret";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";

        // TestState's endpoint on AWS is sync-states.<region>; the prefix would turn 127.0.0.1 into a host that is not there.
        start.Environment["AWS_DISABLE_HOST_PREFIX_INJECTION"] = "true";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await error);
    }

    // Found on PATH as a developer runs it; the machine image installs it under pyenv's shims.
    private static string Executable()
    {
        var paths = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/root/.pyenv/shims").Append("/usr/local/bin");
        return paths.Select(p => Path.Combine(p, "aws")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("The AWS CLI (aws) is not installed; the protocol tests drive the Step Functions API with it.");
    }
}
