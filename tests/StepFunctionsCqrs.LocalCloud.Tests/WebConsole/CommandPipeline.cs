using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl;

namespace StepFunctionsCqrs.LocalCloud.Tests.WebConsole;

/// <summary>The project's own statemachines/command-pipeline.asl.json with its function ARNs filled in, and handlers answering as the real ones do.</summary>
public static class CommandPipeline
{
    /// <summary>An execution input as the dispatcher builds it.</summary>
    public const string Input = """
        { "command": { "commandId": "cmd-1", "type": "BookRoom", "schemaVersion": 1, "payload": { "hotelId": "hotel-1" } },
          "sqs": { "messageId": "m-1", "senderId": "AIDA", "sentTimestamp": "1700000000000", "receiveCount": 1 } }
        """;

    private static readonly string[] Functions = ["Validate", "Persist", "ProjectAvailability", "ProjectGuestBookings", "ProjectArrivals", "RecordStatus"];

    /// <summary>The definition, substituted.</summary>
    public static string Definition()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "statemachines", "command-pipeline.asl.json");
            if (File.Exists(path))
            {
                return DefinitionSubstitutions.Apply(File.ReadAllText(path), Functions.ToDictionary(f => f + "FunctionArn", FlakyLambdas.Arn));
            }
        }

        throw new FileNotFoundException($"statemachines/command-pipeline.asl.json not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>Handlers that accept the command; callers script failures on top.</summary>
    public static FlakyLambdas Accepting() => new FlakyLambdas()
        .Returns("Validate", _ => JsonNode.Parse("""{ "accepted": true, "rejection": null }"""))
        .Returns("Persist", _ => JsonNode.Parse("""{ "accepted": true, "rejection": null, "commit": { "aggregateId": "hotel-1/double", "version": 4 } }"""))
        .Returns("RecordStatus", _ => JsonNode.Parse("""{ "recorded": true }"""));
}
