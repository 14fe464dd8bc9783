using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Execution;
using StepFunctionsCqrs.Asl.Internal.Templates;

namespace StepFunctionsCqrs.Asl.Common;

/// <summary>A payload template (Parameters, ResultSelector, ItemSelector, BatchInput): JSON whose "key.$" members are evaluated.</summary>
public sealed class PayloadTemplate
{
    private readonly TemplateNode _root;
    private readonly string _field;

    private PayloadTemplate(TemplateNode root, string field)
    {
        _root = root;
        _field = field;
    }

    /// <summary>Compiles the template once; the definition must already be valid.</summary>
    public static PayloadTemplate Compile(JsonNode? template, string field) => new(TemplateCompiler.Compile(template), field);

    /// <summary>Builds the template when the field is present, otherwise returns null.</summary>
    public static PayloadTemplate? CompileIfPresent(JsonObject state, string field) =>
        state.TryGetPropertyValue(field, out var value) ? Compile(value, field) : null;

    internal JsonNode? Evaluate(JsonNode? input, BranchScope scope) =>
        _root.Evaluate(scope.Scope(input, _root.NeedsContext), _field);
}
