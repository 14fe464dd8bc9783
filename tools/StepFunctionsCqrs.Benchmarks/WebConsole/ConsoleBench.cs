using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using StepFunctionsCqrs.Functions.StepFunctions;
using StepFunctionsCqrs.Functions.StepFunctions.Model;
using StepFunctionsCqrs.LocalCloud.Bootstrap;
using StepFunctionsCqrs.LocalCloud.Pipeline;

namespace StepFunctionsCqrs.Benchmarks.WebConsole;

/// <summary>
/// The `console` verb: the local console's list with 10,000 executions and its page of an execution with a
/// 1,000-event history, timed on the server (the console's JSON) against the Step Functions calls it is built from,
/// measured in the same run, and in Chromium from navigation to the first complete render.
/// </summary>
public static class ConsoleBench
{
    private const int Executions = 10_000;
    private const int MapItems = 248; // 4 events per iteration plus the Map's own: about 1,000 events.
    private const int Rounds = 25;
    private const int BrowserRounds = 10;

    /// <summary>Runs the benchmark and prints one table; returns the exit code.</summary>
    public static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "console-bench", Guid.NewGuid().ToString("N"));
        await using var cloud = await PipelineCloud.StartAsync(new PipelineOptions { Port = 0, StateFolder = folder, RepositoryRoot = RepositoryRoot.Find() }, cancellationToken);
        using var stepFunctions = new StepFunctionsClient(new StepFunctionsClientOptions(cloud.Endpoint, "us-east-1", cloud.Identities.Admin.Credentials));
        var arnPrefix = cloud.Resources.StateMachineArn[..(cloud.Resources.StateMachineArn.LastIndexOf(':') + 1)];

        var quick = await CreateAsync(cloud, "bench-quick", """{"StartAt":"Done","States":{"Done":{"Type":"Pass","End":true}}}""", cancellationToken);
        var map = await CreateAsync(cloud, "bench-map",
            """{"StartAt":"Fan","States":{"Fan":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"Step","States":{"Step":{"Type":"Pass","End":true}}},"End":true}}}""",
            cancellationToken);
        Console.WriteLine($"Starting {Executions:N0} executions...");
        var started = Stopwatch.StartNew();
        await Parallel.ForAsync(0, Executions, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
            await stepFunctions.StartExecutionAsync(quick, $"run-{i:D5}", "{}", ct).ConfigureAwait(false));
        var items = new JsonArray([.. Enumerable.Range(0, MapItems).Select(i => (JsonNode)i)]);
        await stepFunctions.StartExecutionAsync(map, "wide", new JsonObject { ["items"] = items }.ToJsonString(), cancellationToken);
        await UntilDoneAsync(stepFunctions, quick, cancellationToken);
        await UntilDoneAsync(stepFunctions, map, cancellationToken);
        var history = await stepFunctions.GetAllExecutionHistoryAsync(arnPrefix.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + "bench-map:wide", cancellationToken: cancellationToken);
        Console.WriteLine($"{Executions:N0} executions ran in {started.Elapsed.TotalSeconds:N1} s; the Map execution has {history.Count} events.");

        using var http = new HttpClient { BaseAddress = cloud.Endpoint };
        http.DefaultRequestHeaders.Add(StepFunctionsCqrs.LocalCloud.WebConsole.ConsoleRoutes.RequestHeader, "1");
        // A wrong answer stops the run before anything is timed.
        await CheckAsync(http, "console/api/executions?stateMachine=bench-quick&pageSize=50", page => page["executions"]!.AsArray().Count == 50, cancellationToken);
        await CheckAsync(http, "console/api/executions?stateMachine=bench-quick&prefix=none-", page => page["executions"]!.AsArray().Count == 0 && page["nextToken"] is null, cancellationToken);
        await CheckAsync(http, "console/api/executions/bench-map/wide", page => page["events"]!.AsArray().Count == history.Count, cancellationToken);

        var rows = new List<(string What, double Ours, string Baseline, double Base)>
        {
            ("list, newest 50 of 10,000", await MedianAsync(() => http.GetStringAsync("console/api/executions?stateMachine=bench-quick&pageSize=50", cancellationToken)),
                "ListExecutions maxResults 50", await MedianAsync(() => stepFunctions.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = quick, MaxResults = 50 }, cancellationToken))),
            ("list, prefix matching none of 10,000", await MedianAsync(() => http.GetStringAsync("console/api/executions?stateMachine=bench-quick&prefix=none-", cancellationToken)),
                "ListExecutions, all 10 pages of 1,000", await MedianAsync(() => ListAllAsync(stepFunctions, quick, cancellationToken))),
            ("execution page, 1,000 events", await MedianAsync(() => http.GetStringAsync("console/api/executions/bench-map/wide", cancellationToken)),
                "Describe + DescribeStateMachine + history", await MedianAsync(() => ReadRawAsync(stepFunctions, arnPrefix, cancellationToken))),
        };

        var browserRows = await MeasureBrowserAsync(cloud.ConsoleUrl, cancellationToken);
        Print(rows, browserRows);
        return 0;
    }

    private static async Task CheckAsync(HttpClient http, string path, Func<JsonNode, bool> right, CancellationToken cancellationToken)
    {
        var page = JsonNode.Parse(await http.GetStringAsync(path, cancellationToken))!;
        if (!right(page))
        {
            throw new InvalidOperationException($"The console answered {path} wrongly: {page.ToJsonString()[..Math.Min(400, page.ToJsonString().Length)]}");
        }
    }

    private static async Task<string> CreateAsync(PipelineCloud cloud, string name, string definition, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new Amazon.Runtime.Signing.SigV4SigningHandler(cloud.Identities.Admin.Credentials, Amazon.RegionEndpoint.USEast1, "states", new SocketsHttpHandler()))
        {
            BaseAddress = cloud.Endpoint,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(new JsonObject { ["name"] = name, ["definition"] = definition, ["roleArn"] = "arn:aws:iam::000000000000:role/bench" }.ToJsonString()),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.0");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSStepFunctions.CreateStateMachine");
        using var response = await http.SendAsync(request, cancellationToken);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        return answer["stateMachineArn"]?.GetValue<string>() ?? throw new InvalidOperationException($"CreateStateMachine answered {answer.ToJsonString()}");
    }

    private static async Task UntilDoneAsync(StepFunctionsClient stepFunctions, string machine, CancellationToken cancellationToken)
    {
        while ((await stepFunctions.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = machine, StatusFilter = "RUNNING", MaxResults = 1 }, cancellationToken)).Executions.Count > 0)
        {
            await Task.Delay(200, cancellationToken);
        }
    }

    private static async Task<int> ListAllAsync(StepFunctionsClient stepFunctions, string machine, CancellationToken cancellationToken)
    {
        var count = 0;
        string? token = null;
        do
        {
            var page = await stepFunctions.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = machine, MaxResults = 1000, NextToken = token }, cancellationToken);
            count += page.Executions.Count;
            token = page.NextToken;
        }
        while (token is not null);
        return count;
    }

    private static async Task<int> ReadRawAsync(StepFunctionsClient stepFunctions, string arnPrefix, CancellationToken cancellationToken)
    {
        var execution = await stepFunctions.DescribeExecutionAsync(arnPrefix.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + "bench-map:wide", cancellationToken);
        await stepFunctions.DescribeStateMachineAsync(execution.StateMachineArn, cancellationToken);
        return (await stepFunctions.GetAllExecutionHistoryAsync(execution.ExecutionArn, cancellationToken: cancellationToken)).Count;
    }

    // The median of several rounds after one warm-up, in milliseconds.
    private static async Task<double> MedianAsync<T>(Func<Task<T>> call)
    {
        await call();
        var times = new List<double>(Rounds);
        for (var i = 0; i < Rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            await call();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static async Task<List<(string What, double Ms)>> MeasureBrowserAsync(Uri console, CancellationToken cancellationToken)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
        });
        var page = await browser.NewPageAsync();
        var pages = new[]
        {
            ("first render: list of 10,000", $"{console}?stateMachine=bench-quick"),
            ("first render: execution, 1,000 events (graph)", $"{console}executions/bench-map/wide"),
            ("first render: execution, 1,000 events (table)", $"{console}executions/bench-map/wide?view=table"),
            ("first render: execution, 1,000 events (events)", $"{console}executions/bench-map/wide?view=events"),
        };
        var results = new List<(string, double)>();
        foreach (var (what, url) in pages)
        {
            var times = new List<double>();
            for (var i = 0; i <= BrowserRounds; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await page.GotoAsync(url);
                await page.WaitForFunctionAsync("() => performance.getEntriesByName('console-rendered').length > 0");
                var ms = await page.EvaluateAsync<double>("() => performance.getEntriesByName('console-rendered')[0].startTime");
                if (i > 0)
                {
                    times.Add(ms);
                }
            }

            times.Sort();
            results.Add((what, times[times.Count / 2]));
        }

        return results;
    }

    private static void Print(List<(string What, double Ours, string Baseline, double Base)> rows, List<(string What, double Ms)> browser)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine($"{"server (median of " + Rounds + ")",-42} {"console ms",11} {"baseline",-42} {"ms",8} {"ratio",7}");
        foreach (var (what, ours, baseline, baseMs) in rows)
        {
            Console.WriteLine(string.Create(inv, $"{what,-42} {ours,11:N1} {baseline,-42} {baseMs,8:N1} {ours / baseMs,7:N2}"));
        }

        Console.WriteLine();
        Console.WriteLine($"{"browser (median of " + BrowserRounds + ", navigation start to drawn)",-60} {"ms",8}");
        foreach (var (what, ms) in browser)
        {
            Console.WriteLine(string.Create(inv, $"{what,-60} {ms,8:N0}"));
        }
    }
}
