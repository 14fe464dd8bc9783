using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;
using StepFunctionsCqrs.Asl.Paths.Internal;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal.Functions;

/// <summary><c>States.Format(template, args…)</c>: replaces each <c>{}</c> in the template with the next argument.</summary>
internal sealed class FormatFunction : IntrinsicFunction
{
    public override string Name => "States.Format";

    public override int MinArguments => 1;

    public override int MaxArguments => int.MaxValue;

    public override string? Validate(IReadOnlyList<IntrinsicArgument> arguments)
    {
        switch (arguments[0])
        {
            case StringLiteralArgument template when template.TemplatePieces.Count - 1 != arguments.Count - 1:
                return $"the template has {template.TemplatePieces.Count - 1} placeholder(s) {{}} but {arguments.Count - 1} value argument(s) follow it";
            case LiteralArgument literal:
                return $"the first argument must be a string, but was {literal.Describe()}";
            default:
                return null;
        }
    }

    public override JsonNode? Invoke(IntrinsicArguments arguments, PathScope scope)
    {
        // A template read at run time has no escapes: every {} in its value is a placeholder.
        var pieces = arguments.Written(0) is StringLiteralArgument literal
            ? literal.TemplatePieces
            : arguments.String(0).Split("{}");
        if (pieces.Count - 1 != arguments.Count - 1)
        {
            throw arguments.Failure($"the template has {pieces.Count - 1} placeholder(s) {{}} but {arguments.Count - 1} value argument(s) were given.");
        }

        var result = new StringBuilder(pieces[0]);
        for (var i = 1; i < pieces.Count; i++)
        {
            Render(arguments[i], result);
            result.Append(pieces[i]);
        }

        return JsonValue.Create(result.ToString());
    }

    // Values render the way the service prints them: strings bare, arrays as [a, b], objects as {key=value, ...}.
    private static void Render(JsonNode? value, StringBuilder into)
    {
        switch (value)
        {
            case JsonObject obj:
                into.Append('{');
                var firstField = true;
                foreach (var (key, field) in obj)
                {
                    if (!firstField)
                    {
                        into.Append(", ");
                    }

                    firstField = false;
                    into.Append(key).Append('=');
                    Render(field, into);
                }

                into.Append('}');
                break;
            case JsonArray array:
                into.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        into.Append(", ");
                    }

                    Render(array[i], into);
                }

                into.Append(']');
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                into.Append(v.GetValue<string>());
                break;
            default:
                into.Append(JsonText.Compact(value));
                break;
        }
    }
}
