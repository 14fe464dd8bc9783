using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Internal;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Common;

/// <summary>ResultPath: where the state's result is placed in its raw input to form the output.</summary>
public sealed class ResultPathField
{
    private readonly JsonPath? _path;
    private readonly bool _discard;

    private ResultPathField(JsonPath? path, bool discard)
    {
        _path = path;
        _discard = discard;
    }

    /// <summary>The default, "$": the result replaces the input.</summary>
    public static ResultPathField Default { get; } = new(null, false);

    /// <summary>Builds the field: absent means "$", JSON null means "discard the result and pass the input through".</summary>
    public static ResultPathField From(JsonNode? value, bool present)
    {
        if (!present) return Default;
        if (value is null) return new ResultPathField(null, true);
        var text = value.GetValue<string>();
        return text == "$" ? Default : new ResultPathField(JsonPath.Parse(text), false);
    }

    /// <summary>Combines the raw state input with the result; the input is copied, never changed in place.</summary>
    public JsonNode? Apply(JsonNode? rawInput, JsonNode? result)
    {
        if (_discard) return rawInput;
        if (_path is null) return NodeOwnership.Detached(result);
        try
        {
            return _path.Apply(NodeOwnership.Copy(rawInput), NodeOwnership.Detached(result));
        }
        catch (StatesException) { throw; }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw new StatesException(ErrorNames.ResultPathMatchFailure,
                $"Unable to apply ResultPath '{_path.Text}' to input of type {NodeOwnership.KindOf(rawInput)}: {e.Message}");
        }
    }
}
