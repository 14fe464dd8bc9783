using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StepFunctionsCqrs.Functions.Tests.StepFunctions;

/// <summary>A real HTTP server on 127.0.0.1 standing in for AWS: it records every request and answers from a script.</summary>
public sealed class LoopbackAwsServer : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<RecordedRequest, CannedResponse> respond;
    private readonly Task loop;

    /// <summary>Starts listening on a free loopback port.</summary>
    public LoopbackAwsServer(Func<RecordedRequest, CannedResponse> respond)
    {
        this.respond = respond;
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    /// <summary>The port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The base URL to point a client at.</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{Port}/");

    /// <summary>Every request received so far, in order.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // Close alone: after Stop has released the port, the managed listener's Close looks the endpoint up again and
        // binds the port anew, which fails when a parallel test has since been given that port.
        listener.Close();
        try
        {
            await loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var buffer = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(buffer);
            var recorded = new RecordedRequest(
                context.Request.HttpMethod, context.Request.RawUrl ?? "/", context.Request.Headers, buffer.ToArray());
            Requests.Enqueue(recorded);

            var canned = respond(recorded);
            var bytes = Encoding.UTF8.GetBytes(canned.Body);
            context.Response.StatusCode = canned.Status;
            context.Response.ContentType = "application/x-amz-json-1.0";
            foreach (var (name, value) in canned.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
