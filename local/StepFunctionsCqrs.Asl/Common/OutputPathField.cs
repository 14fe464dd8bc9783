using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Execution;
using StepFunctionsCqrs.Asl.Internal;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Common;

/// <summary>OutputPath: selects the part of the state's output passed to the next state.</summary>
public sealed class OutputPathField
{
    private readonly JsonPath? _path;
    private readonly bool _discard;
    private readonly bool _needsContext;

    private OutputPathField(JsonPath? path, bool discard)
    {
        _path = path;
        _discard = discard;
        _needsContext = path is not null && path.Text.Contains("$$", StringComparison.Ordinal);
    }

    /// <summary>The default, "$": the whole output.</summary>
    public static OutputPathField Default { get; } = new(null, false);

    /// <summary>Builds the field from its definition value: absent means "$", JSON null means "output {}".</summary>
    public static OutputPathField From(JsonNode? value, bool present)
    {
        if (!present) return Default;
        if (value is null) return new OutputPathField(null, true);
        var text = value.GetValue<string>();
        return text == "$" ? Default : new OutputPathField(JsonPath.Parse(text), false);
    }

    internal JsonNode? Apply(JsonNode? output, BranchScope scope)
    {
        if (_discard) return NodeOwnership.EmptyObject();
        if (_path is null) return output;
        try
        {
            return NodeOwnership.Detached(_path.Select(scope.Scope(output, _needsContext)));
        }
        catch (StatesException e)
        {
            throw new StatesException(ErrorNames.Runtime,
                $"An error occurred while executing the state '{scope.StateName}'. Invalid path '{_path.Text}' in OutputPath: {e.Cause}");
        }
    }
}
