using Microsoft.AspNetCore.Http;

namespace StepFunctionsCqrs.LocalCloud.WebConsole;

/// <summary>
/// The console's clients once the local cloud has made its queues, tables and state machine. The edge listens before
/// that, so a page left open across a restart asks early; until then it is told the cloud is starting (503).
/// </summary>
public sealed class ConsoleConnection
{
    private ConsoleClients? clients;

    /// <summary>The clients; a 503 while the local cloud is still starting.</summary>
    public ConsoleClients Clients => Volatile.Read(ref clients)
        ?? throw new ConsoleProblem(StatusCodes.Status503ServiceUnavailable, "Starting", "The local cloud is still starting: try again in a moment.");

    /// <summary>Makes the clients available, once bootstrap is done.</summary>
    public void Connect(ConsoleClients ready) => Volatile.Write(ref clients, ready);
}
