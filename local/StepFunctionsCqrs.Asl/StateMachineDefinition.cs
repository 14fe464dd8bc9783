using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Parsing;
using StepFunctionsCqrs.Asl.States;

namespace StepFunctionsCqrs.Asl;

/// <summary>A parsed, validated state machine, ready to run any number of times (it holds no per-execution state).</summary>
public sealed class StateMachineDefinition
{
    private StateMachineDefinition(StatesBlock root, int? timeoutSeconds, string? comment, string json)
    {
        Root = root;
        TimeoutSeconds = timeoutSeconds;
        Comment = comment;
        Json = json;
    }

    /// <summary>The top-level StartAt and States.</summary>
    public StatesBlock Root { get; }

    /// <summary>The machine's TimeoutSeconds, or null.</summary>
    public int? TimeoutSeconds { get; }

    /// <summary>The machine's Comment.</summary>
    public string? Comment { get; }

    /// <summary>The definition text this was parsed from.</summary>
    public string Json { get; }

    /// <summary>Validates and builds a definition; throws <see cref="AslDefinitionException"/> listing every problem.</summary>
    public static StateMachineDefinition Parse(string definitionJson)
    {
        var diagnostics = StateMachineValidator.Validate(definitionJson);
        if (diagnostics.Count > 0) throw new AslDefinitionException(diagnostics);
        var root = JsonNode.Parse(definitionJson)!.AsObject();
        return new StateMachineDefinition(
            DefinitionParser.Block(root),
            root["TimeoutSeconds"] is { } t ? (int)t.GetValue<double>() : null,
            root["Comment"]?.GetValue<string>(),
            definitionJson);
    }
}
