using System.Diagnostics;
using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;
using StepFunctionsCqrs.Functions.Metrics;
using StepFunctionsCqrs.Functions.Tracing;
using StepFunctionsCqrs.LocalCloud.Bootstrap;
using StepFunctionsCqrs.LocalCloud.Demo;
using StepFunctionsCqrs.LocalCloud.Pipeline;
using StepFunctionsCqrs.LocalCloud.Telemetry;

namespace StepFunctionsCqrs.Benchmarks.Tracing;

/// <summary>
/// The `tracing` verb: the whole pipeline's throughput (BookRoom commands sent to SQS until every status is recorded,
/// on one local cloud) with tracing off, with the local cloud's span collector, and with the OpenTelemetry SDK and
/// its OTLP exporter sending to a loopback sink, each as a ratio to tracing off measured in the same run. The setups
/// take turns round by round, in a rotating order, so a drift in the machine's load falls on all of them alike; a
/// second Off in every round shows how far two runs of the same setup differ.
/// </summary>
public static class TracingBench
{
    private const int Hotels = 64;

    private static readonly TracingSetup[] Setups = [TracingSetup.Off, TracingSetup.Listener, TracingSetup.OtlpBatch, TracingSetup.Off];

    /// <summary>Runs the benchmark (<c>tracing [commands per run] [rounds]</c>) and prints one table; returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var perRun = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 400;
        var rounds = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var folder = Path.Combine(Path.GetTempPath(), "tracing-bench", Guid.NewGuid().ToString("N"));
        // Collection off: each run chooses what listens, and nothing but the run's setup may.
        await using var cloud = await PipelineCloud.StartAsync(
            new PipelineOptions { Port = 0, StateFolder = folder, RepositoryRoot = RepositoryRoot.Find(), CollectTelemetry = false }, cancellationToken);
        using var sqs = new AmazonSQSClient(cloud.Identities.Admin.Credentials,
            new AmazonSQSConfig { ServiceURL = cloud.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        await using var sink = await OtlpSink.StartAsync();
        var ended = new Ended();
        using var statuses = PipelineMetrics.Listen((instrument, _, tags) =>
        {
            if (instrument.Name == PipelineMetrics.Commands.Name)
            {
                ended.Add(tags);
            }
        });

        var queue = cloud.Resources.CommandsQueueUrl;
        await SendAndWaitAsync(sqs, queue, ended, [.. Enumerable.Range(0, Hotels).Select(h =>
            DemoCommands.RegisterHotel($"reg-{h}", "admin", Hotel(h), "Bench Hotel", "twin", 10_000).ToJsonString())], cancellationToken);
        var next = 0;
        string[] Bookings(int count) => [.. Enumerable.Range(next, count).Select(i =>
            DemoCommands.BookRoom($"book-{i}", "ann", Hotel(i % Hotels), "twin", $"b{i}", new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 3)).ToJsonString())];

        // A cold host speeds up for its first thousand or so commands (JIT, dynalite's caches); none of that is measured.
        var warmup = Math.Max(1_000, 2 * perRun);
        Console.WriteLine($"Warming up with {warmup} commands...");
        await SendAndWaitAsync(sqs, queue, ended, Bookings(warmup), cancellationToken);
        next += warmup;

        var measured = new List<(TracingSetup Setup, int Slot, double PerSecond, long Spans)>();
        for (var round = 0; round < rounds; round++)
        {
            for (var turn = 0; turn < Setups.Length; turn++)
            {
                var slot = (turn + round) % Setups.Length;
                var setup = Setups[slot];
                var sentBefore = sink.Requests;
                using var tracing = Listen(setup, sink, out var kept);
                var elapsed = await SendAndWaitAsync(sqs, queue, ended, Bookings(perRun), cancellationToken);
                next += perRun;
                if (tracing is TracerProvider provider)
                {
                    provider.ForceFlush(10_000);
                }

                var spans = setup switch
                {
                    TracingSetup.Listener => kept!.TraceCount,
                    TracingSetup.OtlpBatch => sink.Requests - sentBefore,
                    _ => 0,
                };
                var perSecond = perRun / elapsed.TotalSeconds;
                measured.Add((setup, slot, perSecond, spans));
                Console.WriteLine($"round {round + 1} {setup,-13} {perSecond,8:N1} commands/s{(spans > 0 ? $"  ({spans:N0} {(setup == TracingSetup.Listener ? "traces kept" : "export requests")})" : "")}");
            }
        }

        Console.WriteLine($"outcomes: {ended.Outcomes}; export requests {sink.Requests:N0}, {sink.Bytes / 1024.0 / 1024.0:N1} MiB of spans");

        Print(measured, perRun, rounds);
        return 0;
    }

    private static string Hotel(int index) => $"bench-hotel-{index:D3}";

    private static IDisposable? Listen(TracingSetup setup, OtlpSink sink, out SpanStore? kept)
    {
        kept = null;
        switch (setup)
        {
            case TracingSetup.Listener:
                kept = new SpanStore(SpanStoreLimits.Default);
                return new SpanCollector(kept);
            case TracingSetup.OtlpBatch:
                return Sdk.CreateTracerProviderBuilder()
                    .AddSource(PipelineTrace.SourceName)
                    .AddOtlpExporter(otlp =>
                    {
                        otlp.Endpoint = sink.Endpoint;
                        otlp.Protocol = OtlpExportProtocol.HttpProtobuf;
                        // The simple processor exports synchronously as each span ends; on the handlers' pool threads that
                        // blocked the whole host (1 command/s against 64 with tracing off, 50 commands), so only batch is measured.
                        otlp.ExportProcessorType = ExportProcessorType.Batch;
                    })
                    .Build();
            default:
                return null;
        }
    }

    // Open loop: every body is sent, ten to a batch, then the clock runs until as many statuses have been recorded.
    private static async Task<TimeSpan> SendAndWaitAsync(AmazonSQSClient sqs, string queue, Ended ended, string[] bodies, CancellationToken cancellationToken)
    {
        var target = ended.Count + bodies.Length;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(bodies.Chunk(10), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (batch, ct) =>
        {
            var response = await sqs.SendMessageBatchAsync(new SendMessageBatchRequest
            {
                QueueUrl = queue,
                Entries = [.. batch.Select((body, i) => new SendMessageBatchRequestEntry($"m{i}", body)
                {
                    MessageAttributes = new() { [PipelineTrace.MessageAttribute] = new() { DataType = "String", StringValue = PipelineTrace.NewTraceParent() } },
                })],
            }, ct).ConfigureAwait(false);
            if (response.Failed is { Count: > 0 } failed)
            {
                throw new InvalidOperationException($"SQS refused {failed.Count} bench messages: {failed[0].Code} {failed[0].Message}");
            }
        }).ConfigureAwait(false);

        var deadline = DateTimeOffset.UtcNow.AddMinutes(5);
        while (ended.Count < target)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {ended.Count - (target - bodies.Length)} of {bodies.Length} commands ended within 5 minutes.");
            }

            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        }

        return clock.Elapsed;
    }

    private static void Print(List<(TracingSetup Setup, int Slot, double PerSecond, long Spans)> measured, int perRun, int rounds)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        // The first Off of each round's order is the baseline; the second is the same setup measured again.
        var baselineSlot = Array.IndexOf(Setups, TracingSetup.Off);
        var baseline = Median(measured.Where(m => m.Slot == baselineSlot).Select(m => m.PerSecond));
        Console.WriteLine();
        Console.WriteLine($"{perRun} BookRoom commands per run, {rounds} rounds; median commands/s, and its ratio to tracing off (baseline {baseline:N1}/s)");
        Console.WriteLine($"{"setup",-26} {"commands/s",11} {"min",9} {"max",9} {"ratio",7}  goal");
        foreach (var group in measured.GroupBy(m => m.Slot).OrderBy(g => g.Key))
        {
            var setup = Setups[group.Key];
            var median = Median(group.Select(m => m.PerSecond));
            var ratio = median / baseline;
            var (label, goal) = setup switch
            {
                TracingSetup.Off when group.Key == baselineSlot => ("off (baseline)", ""),
                TracingSetup.Off => ("off again (run-to-run)", ""),
                TracingSetup.Listener => ("collector, no exporter", ratio >= 0.98 ? "≤2% loss: met" : "≤2% loss: NOT met"),
                _ => ("SDK + OTLP exporter", ratio >= 0.90 ? "≤10% loss: met" : "≤10% loss: NOT met"),
            };
            Console.WriteLine($"{label,-26} {median,11:N1} {group.Min(m => m.PerSecond),9:N1} {group.Max(m => m.PerSecond),9:N1} {ratio,7:0.000}  {goal}");
        }
    }

    // Statuses recorded, counted from the pipeline's own cqrs.commands metric, with their outcomes.
    private sealed class Ended
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> outcomes = new(StringComparer.Ordinal);
        private long count;

        public long Count => Interlocked.Read(ref count);

        public string Outcomes => string.Join(", ", outcomes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));

        public void Add(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var (key, value) in tags)
            {
                if (key == "outcome")
                {
                    outcomes.AddOrUpdate(value as string ?? "?", 1, (_, n) => n + 1);
                }
            }

            Interlocked.Increment(ref count);
        }
    }
}
