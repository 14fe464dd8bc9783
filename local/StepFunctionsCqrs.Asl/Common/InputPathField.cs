using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Execution;
using StepFunctionsCqrs.Asl.Internal;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Common;

/// <summary>InputPath: selects the part of the raw state input the state works on.</summary>
public sealed class InputPathField
{
    private readonly JsonPath? _path;
    private readonly bool _discard;
    private readonly bool _needsContext;

    private InputPathField(JsonPath? path, bool discard)
    {
        _path = path;
        _discard = discard;
        _needsContext = path is not null && path.Text.Contains("$$", StringComparison.Ordinal);
    }

    /// <summary>The default, "$": the whole input.</summary>
    public static InputPathField Default { get; } = new(null, false);

    /// <summary>Builds the field from its definition value: absent means "$", JSON null means "use {}".</summary>
    public static InputPathField From(JsonNode? value, bool present)
    {
        if (!present) return Default;
        if (value is null) return new InputPathField(null, true);
        var text = value.GetValue<string>();
        return text == "$" ? Default : new InputPathField(JsonPath.Parse(text), false);
    }

    internal JsonNode? Apply(JsonNode? rawInput, BranchScope scope)
    {
        if (_discard) return NodeOwnership.EmptyObject();
        if (_path is null) return rawInput;
        try
        {
            return _path.Select(scope.Scope(rawInput, _needsContext));
        }
        catch (StatesException e)
        {
            throw new StatesException(ErrorNames.Runtime,
                $"An error occurred while executing the state '{scope.StateName}'. Invalid path '{_path.Text}' in InputPath: {e.Cause}");
        }
    }
}
