using System.Globalization;
using System.Text;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Values;

/// <summary>JSON.stringify as $string uses it: numbers to 15 significant digits, functions as "", undefined fields left out.</summary>
internal static class JsonText
{
    public static string Stringify(object? value, bool pretty)
    {
        var sb = new StringBuilder();
        Write(sb, value, pretty, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, bool pretty, int depth)
    {
        switch (value)
        {
            case null:
            case JsonataNull:
                sb.Append("null");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case double d:
                sb.Append(double.IsFinite(d) ? JsNumberFormat.Format(JsNumberFormat.ToPrecision15(d)) : "null");
                break;
            case string s:
                WriteString(sb, s);
                break;
            case JsonataFunction:
                sb.Append("\"\"");
                break;
            case JsonataArray array:
                if (array.Count == 0)
                {
                    sb.Append("[]");
                    break;
                }
                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }
                    NewLine(sb, pretty, depth + 1);
                    Write(sb, array[i], pretty, depth + 1);
                }
                NewLine(sb, pretty, depth);
                sb.Append(']');
                break;
            default:
                var first = true;
                sb.Append('{');
                foreach (var (key, item) in ObjectAccess.Fields(value))
                {
                    if (item is null)
                    {
                        continue;
                    }
                    if (!first)
                    {
                        sb.Append(',');
                    }
                    first = false;
                    NewLine(sb, pretty, depth + 1);
                    WriteString(sb, key);
                    sb.Append(pretty ? ": " : ":");
                    Write(sb, item, pretty, depth + 1);
                }
                if (!first)
                {
                    NewLine(sb, pretty, depth);
                }
                sb.Append('}');
                break;
        }
    }

    private static void NewLine(StringBuilder sb, bool pretty, int depth)
    {
        if (pretty)
        {
            sb.Append('\n').Append(' ', depth * 2);
        }
    }

    public static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < ' ')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
    }
}
