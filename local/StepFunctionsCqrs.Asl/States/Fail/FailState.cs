using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Execution;
using StepFunctionsCqrs.Asl.Internal.Templates;
using StepFunctionsCqrs.Asl.Internal;

namespace StepFunctionsCqrs.Asl.States.Fail;

/// <summary>Fail: stops its branch with an error name and cause (fixed, or taken by ErrorPath/CausePath).</summary>
public sealed class FailState : State
{
    private readonly string? _error;
    private readonly string? _cause;
    private readonly TemplateNode? _errorPath;
    private readonly TemplateNode? _causePath;

    /// <summary>Builds the state from its definition.</summary>
    public FailState(string name, JsonObject definition) : base(name, definition)
    {
        _error = definition["Error"]?.GetValue<string>();
        _cause = definition["Cause"]?.GetValue<string>();
        if (definition["ErrorPath"] is { } errorPath) _errorPath = TemplateCompiler.CompileDynamic("ErrorPath", errorPath.GetValue<string>());
        if (definition["CausePath"] is { } causePath) _causePath = TemplateCompiler.CompileDynamic("CausePath", causePath.GetValue<string>());
    }

    /// <inheritdoc />
    public override string Type => "Fail";

    internal override ValueTask<StateOutcome> ExecuteAsync(JsonNode? input, BranchScope scope)
    {
        var error = _errorPath is null ? _error : Resolve(_errorPath, "ErrorPath", input, scope);
        var cause = _causePath is null ? _cause : Resolve(_causePath, "CausePath", input, scope);
        throw new FailStateException(error, cause);
    }

    private static string Resolve(TemplateNode template, string field, JsonNode? input, BranchScope scope)
    {
        JsonNode? value;
        try
        {
            value = template.Evaluate(scope.Scope(input, template.NeedsContext), field);
        }
        catch (StatesException e) when (e.Error == ErrorNames.Runtime)
        {
            throw new StatesException(ErrorNames.Runtime, $"The {field} of Fail state '{scope.StateName}' could not be resolved: {e.Cause}");
        }
        if (JsonScalar.TryGetString(value, out var text)) return text;
        throw new StatesException(ErrorNames.Runtime, $"The {field} of Fail state '{scope.StateName}' must resolve to a string, but was {value?.ToJsonString() ?? "null"}.");
    }
}
