using System.Text;

namespace StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

/// <summary>
/// Graph node ids: paths of escaped state names ("Project/branch-0/ProjectAvailability"). A name keeps its ASCII letters,
/// digits, '-' and '.'; '_' becomes "__" and every other byte of its UTF-8 "_XX" (hex), so an escaped name never contains
/// '/' and never equals the reserved segments "_start" and "_end", and two names never share an id.
/// </summary>
internal static class NodeIds
{
    /// <summary>The root block's prefix: top-level states are ids of one segment.</summary>
    public const string Root = "";

    public static string State(string block, string name) => Join(block, Escape(name));

    public static string Start(string block) => Join(block, "_start");

    public static string End(string block) => Join(block, "_end");

    public static string Branch(string parallelState, int index) => $"{parallelState}/branch-{index}";

    public static string Iterator(string mapState) => $"{mapState}/iterator";

    public static string Escape(string name)
    {
        var escaped = new StringBuilder(name.Length);
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.')
            {
                escaped.Append(c);
            }
            else if (c == '_')
            {
                escaped.Append("__");
            }
            else
            {
                escaped.Append('_').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }

    private static string Join(string block, string segment) => block.Length == 0 ? segment : $"{block}/{segment}";
}
