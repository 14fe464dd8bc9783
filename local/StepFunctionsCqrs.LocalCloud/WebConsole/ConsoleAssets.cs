using Microsoft.AspNetCore.Http;

namespace StepFunctionsCqrs.LocalCloud.WebConsole;

/// <summary>
/// The console's files: its own pages, scripts and styles copied beside the host, and the graph-layout library from
/// the repository's npm packages. Only files found at start are served, so no path can reach anything else.
/// </summary>
public sealed class ConsoleAssets
{
    /// <summary>Where the layout library is served, relative to the assets root.</summary>
    public const string ElkPath = "vendor/elk.bundled.js";

    private readonly Dictionary<string, string> files = new(StringComparer.Ordinal);

    /// <summary>Indexes the site folder and the ELK bundle; throws naming the fix when ELK is not installed.</summary>
    public ConsoleAssets(string siteFolder, string repositoryRoot)
    {
        foreach (var path in Directory.EnumerateFiles(siteFolder, "*", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(siteFolder, path).Replace('\\', '/')] = path;
        }

        var elk = Path.Combine(repositoryRoot, "node_modules", "elkjs", "lib", "elk.bundled.js");
        files[ElkPath] = File.Exists(elk)
            ? elk
            : throw new InvalidOperationException(
                $"elkjs is not installed in {repositoryRoot}: build the host (dotnet run or dotnet build installs the npm packages) or run 'npm ci' there.");
    }

    /// <summary>The folder the build copies the console's own files to.</summary>
    public static string DefaultSiteFolder => Path.Combine(AppContext.BaseDirectory, "WebConsole", "site");

    /// <summary>The page shell every console page starts from.</summary>
    public string Shell => File.ReadAllText(files["index.html"]);

    /// <summary>Serves one file, or a 404 for any name not indexed.</summary>
    public async Task ServeAsync(HttpContext context, string path)
    {
        if (!files.TryGetValue(path, out var file))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        ConsoleHeaders.Apply(context.Response);
        context.Response.ContentType = Path.GetExtension(file) switch
        {
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".html" => "text/html; charset=utf-8",
            ".svg" => "image/svg+xml",
            ".png" => "image/png",
            _ => "application/octet-stream",
        };
        await context.Response.SendFileAsync(file, context.RequestAborted).ConfigureAwait(false);
    }
}
