using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StepFunctionsCqrs.Benchmarks.Tracing;

/// <summary>
/// A stand-in OTLP/HTTP collector on a free loopback port (Kestrel): it reads each export request whole and answers
/// 200 with an empty body, as a collector accepting everything does, and counts requests and bytes so the bench can
/// show the exporter really sent.
/// </summary>
public sealed class OtlpSink : IAsyncDisposable
{
    private readonly WebApplication app;
    private long requests;
    private long bytes;

    private OtlpSink(WebApplication app) => this.app = app;

    /// <summary>The traces endpoint to give the OTLP exporter.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Export requests received.</summary>
    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Bytes of spans received.</summary>
    public long Bytes => Interlocked.Read(ref bytes);

    /// <summary>Starts one on a free port.</summary>
    public static async Task<OtlpSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var sink = new OtlpSink(builder.Build());
        sink.app.MapPost("/v1/traces", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
            Interlocked.Increment(ref sink.requests);
            Interlocked.Add(ref sink.bytes, body.Length);
            context.Response.ContentType = "application/x-protobuf";
            context.Response.ContentLength = 0;
        });
        await sink.app.StartAsync().ConfigureAwait(false);
        var address = sink.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sink.Endpoint = new Uri(new Uri(address), "/v1/traces");
        return sink;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
