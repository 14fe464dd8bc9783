using System.Diagnostics;

namespace StepFunctionsCqrs.LocalCloud.DynamoDb;

/// <summary>Installs the repository's npm packages (dynalite) once, so the local cloud needs no manual npm step.</summary>
public static class NodePackages
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    /// <summary>The folder of the dynalite package, installing the packages first when it is missing.</summary>
    public static async Task<string> EnsureDynaliteAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var dynalite = Path.Combine(repositoryRoot, "node_modules", "dynalite");
        if (File.Exists(Path.Combine(dynalite, "package.json")))
        {
            return dynalite;
        }

        await InstallGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!File.Exists(Path.Combine(dynalite, "package.json")))
            {
                await InstallAsync(repositoryRoot, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            InstallGate.Release();
        }

        return File.Exists(Path.Combine(dynalite, "package.json"))
            ? dynalite
            : throw new InvalidOperationException($"npm finished but {dynalite} is still missing; check package.json in {repositoryRoot}.");
    }

    private static async Task InstallAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        // npm ci reproduces the lock file exactly; without one, install resolves package.json.
        var verb = File.Exists(Path.Combine(repositoryRoot, "package-lock.json")) ? "ci" : "install";
        Console.Error.WriteLine($"Installing npm packages (npm {verb}) in {repositoryRoot} ...");
        var start = new ProcessStartInfo("npm", [verb, "--no-audit", "--no-fund"])
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var npm = Process.Start(start)
            ?? throw new InvalidOperationException("Could not start npm; Node.js 20 or newer with npm must be on PATH.");
        var output = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = npm.StandardError.ReadToEndAsync(cancellationToken);
        await npm.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm {verb} in {repositoryRoot} failed with exit code {npm.ExitCode}:{Environment.NewLine}{await output.ConfigureAwait(false)}{await errors.ConfigureAwait(false)}");
        }
    }
}
