using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using StepFunctionsCqrs.Functions.Metrics;
using StepFunctionsCqrs.Functions.Tests.TestKit;
using StepFunctionsCqrs.Testing;
using static StepFunctionsCqrs.Functions.Tests.TestKit.Envelopes;

namespace StepFunctionsCqrs.Functions.Tests.Metrics;

/// <summary>
/// The pipeline's metrics as the two exporters see them: CloudWatch embedded metric format lines, and the OpenTelemetry
/// SDK's in-memory exporter. Both listen to the whole process, so these tests run alone.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class EmbeddedMetricFormatTests(Dynalite dynalite) : IClassFixture<Dynalite>
{
    private static readonly DateTimeOffset FlushedAt = new(2027, 1, 10, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Each_flush_writes_one_document_per_metric_and_dimension_set_that_CloudWatch_can_extract()
    {
        var pipeline = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());
        await pipeline.RunAsync(RegisterHotel("register", capacity: 1));
        var output = new StringWriter();
        using var emf = new EmbeddedMetricFormat("StepFunctionsCqrs", output, new FakeTimeProvider(FlushedAt));

        await pipeline.RunAsWorkflowAsync(BookRoom("book-1", "ann", "b1", "2027-03-01", "2027-03-02"), projectAfter: TimeSpan.FromMilliseconds(40));
        emf.Flush();

        var documents = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(documents, AssertExtractable);
        var commands = Assert.Single(documents, d => d.TryGetProperty("cqrs.commands", out _));
        Assert.Equal(("BookRoom", "Accepted", 1.0), (commands.GetProperty("command_type").GetString(), commands.GetProperty("outcome").GetString(), commands.GetProperty("cqrs.commands").GetDouble()));
        Assert.Equal("Count", Directive(commands).GetProperty("Metrics")[0].GetProperty("Unit").GetString());
        var lags = documents.Where(d => d.TryGetProperty("cqrs.projection.lag", out _)).ToList();
        Assert.Equal(["Arrivals", "Availability", "GuestBookings"], lags.Select(d => d.GetProperty("view").GetString()).Order());
        Assert.All(lags, d => Assert.Equal("Milliseconds", Directive(d).GetProperty("Metrics")[0].GetProperty("Unit").GetString()));
        Assert.All(lags, d => Assert.True(d.GetProperty("cqrs.projection.lag").GetDouble() > 0));

        var before = output.ToString().Length;
        emf.Flush();
        Assert.Equal(before, output.ToString().Length);
    }

    [Fact]
    public void A_histogram_of_more_than_a_hundred_values_is_split_over_documents_of_at_most_a_hundred()
    {
        var output = new StringWriter();
        using var emf = new EmbeddedMetricFormat("StepFunctionsCqrs", output, new FakeTimeProvider(FlushedAt));
        for (var i = 0; i < 250; i++)
        {
            PipelineMetrics.Projected("Availability", FlushedAt, FlushedAt.AddMilliseconds(i));
        }

        emf.Flush();

        var documents = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(documents, AssertExtractable);
        Assert.Equal([100, 100, 50], documents.Select(d => d.GetProperty("cqrs.projection.lag").GetArrayLength()));
        Assert.Equal(Enumerable.Range(0, 250).Select(i => (double)i),
            documents.SelectMany(d => d.GetProperty("cqrs.projection.lag").EnumerateArray().Select(v => v.GetDouble())));
    }

    [Fact]
    public async Task The_OpenTelemetry_SDK_exports_the_pipelines_instruments_with_their_units_and_tags()
    {
        var pipeline = new Pipeline(dynalite.Client, await dynalite.CreateTablesAsync());
        await pipeline.RunAsync(RegisterHotel("register", capacity: 1));
        var exported = new List<Metric>();
        using var provider = Sdk.CreateMeterProviderBuilder().AddMeter(PipelineMetrics.MeterName).AddInMemoryExporter(exported).Build();

        await pipeline.RunAsWorkflowAsync(BookRoom("book-1", "ann", "b1", "2027-03-01", "2027-03-02"), projectAfter: TimeSpan.FromMilliseconds(40));
        provider.ForceFlush();

        var commands = Assert.Single(exported, m => m.Name == "cqrs.commands");
        Assert.Equal("{command}", commands.Unit);
        var sums = new List<(string?, string?, long)>();
        foreach (ref readonly var point in commands.GetMetricPoints())
        {
            var tags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags)
            {
                tags[tag.Key] = tag.Value;
            }

            sums.Add((tags["command_type"] as string, tags["outcome"] as string, point.GetSumLong()));
        }

        Assert.Equal([("BookRoom", "Accepted", 1L)], sums);
        var lag = Assert.Single(exported, m => m.Name == "cqrs.projection.lag");
        Assert.Equal("ms", lag.Unit);
        var counts = new List<long>();
        foreach (ref readonly var point in lag.GetMetricPoints())
        {
            counts.Add(point.GetHistogramCount());
        }

        Assert.Equal([1L, 1L, 1L], counts);
    }

    private static JsonElement Directive(JsonElement document) => document.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];

    // The specification's rules: a timestamp, a namespace, every dimension and metric named by the directive present at the root.
    private static void AssertExtractable(JsonElement document)
    {
        Assert.Equal(FlushedAt.ToUnixTimeMilliseconds(), document.GetProperty("_aws").GetProperty("Timestamp").GetInt64());
        var directive = Directive(document);
        Assert.Equal("StepFunctionsCqrs", directive.GetProperty("Namespace").GetString());
        foreach (var dimension in directive.GetProperty("Dimensions")[0].EnumerateArray())
        {
            Assert.Equal(JsonValueKind.String, document.GetProperty(dimension.GetString()!).ValueKind);
        }

        foreach (var metric in directive.GetProperty("Metrics").EnumerateArray())
        {
            var value = document.GetProperty(metric.GetProperty("Name").GetString()!);
            Assert.True(value.ValueKind is JsonValueKind.Number or JsonValueKind.Array, value.ToString());
        }
    }
}
