using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Execution;
using StepFunctionsCqrs.Asl.Paths;
using StepFunctionsCqrs.Asl.Internal;

namespace StepFunctionsCqrs.Asl.States.Map;

/// <summary>A numeric Map setting given as a literal or through a "...Path" field (MaxConcurrency, ToleratedFailureCount, ...).</summary>
public sealed class CountSetting
{
    private readonly double? _value;
    private readonly JsonPath? _path;
    private readonly string _field;

    private CountSetting(double? value, JsonPath? path, string field)
    {
        _value = value;
        _path = path;
        _field = field;
    }

    /// <summary>True when neither the literal nor the path is present.</summary>
    public bool IsAbsent => _value is null && _path is null;

    /// <summary>Reads "Field" or "FieldPath" from an object.</summary>
    public static CountSetting From(JsonObject owner, string field)
    {
        double? value = JsonScalar.TryGetNumber(owner[field], out var d) ? d : null;
        var path = owner[field + "Path"] is JsonValue p ? JsonPath.Parse(p.GetValue<string>()) : null;
        return new CountSetting(value, path, field);
    }

    internal double? Resolve(JsonNode? input, BranchScope scope)
    {
        if (_value is not null) return _value;
        if (_path is null) return null;
        var selected = _path.Select(scope.Scope(input, _path.Text.StartsWith("$$", StringComparison.Ordinal)));
        if (JsonScalar.TryGetNumber(selected, out var d) && d >= 0) return d;
        throw new StatesException(ErrorNames.Runtime, $"{_field}Path '{_path.Text}' must select a non-negative number, but selected {selected?.ToJsonString() ?? "null"}.");
    }
}
