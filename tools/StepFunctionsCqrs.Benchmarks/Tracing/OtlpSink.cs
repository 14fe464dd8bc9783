using System.Net;
using System.Net.Sockets;

namespace StepFunctionsCqrs.Benchmarks.Tracing;

/// <summary>
/// A stand-in OTLP/HTTP collector on a free loopback port: it reads each export request whole and answers 200 with
/// an empty body, as a collector accepting everything does, and counts requests and bytes so the bench can show the
/// exporter really sent.
/// </summary>
public sealed class OtlpSink : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task serving;
    private long requests;
    private long bytes;

    private OtlpSink(int port)
    {
        Endpoint = new Uri($"http://127.0.0.1:{port}/v1/traces");
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    /// <summary>The traces endpoint to give the OTLP exporter.</summary>
    public Uri Endpoint { get; }

    /// <summary>Export requests received.</summary>
    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Bytes of spans received.</summary>
    public long Bytes => Interlocked.Read(ref bytes);

    /// <summary>Starts one on a free port.</summary>
    public static OtlpSink Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new OtlpSink(port);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await serving.ConfigureAwait(false);
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            // Answered apart, so exporters sending from many threads at once are not queued behind each other here.
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body).ConfigureAwait(false);
            Interlocked.Increment(ref requests);
            Interlocked.Add(ref bytes, body.Length);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.ContentLength64 = 0;
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The sink stopped or the exporter gave up on this request; nothing to answer.
        }
    }
}
