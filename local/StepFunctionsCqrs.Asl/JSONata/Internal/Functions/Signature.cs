using System.Text;
using System.Text.RegularExpressions;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Functions;

/// <summary>
/// A function signature such as <c>&lt;s-nn?:s&gt;</c>: checks arguments (T0410, T0411, T0412), wraps single values
/// where an array is expected and fills an argument marked "-" from the context.
/// </summary>
/// <remarks>
/// Like the reference, the parameters become one regex over the arguments' type symbols, so optional and
/// repeated parameters are matched the same way.
/// </remarks>
internal sealed class Signature
{
    private readonly Parameter[] _parameters;
    private readonly Regex _regex;

    private Signature(Parameter[] parameters, Regex regex)
    {
        _parameters = parameters;
        _regex = regex;
    }

    public int Arity => _parameters.Length;

    public static Signature Parse(string signature)
    {
        var parameters = new List<Parameter>();
        var position = 1;
        while (position < signature.Length)
        {
            var symbol = signature[position];
            if (symbol == ':' || symbol == '>')
            {
                break;
            }
            switch (symbol)
            {
                case 's' or 'n' or 'b' or 'l' or 'o':
                    parameters.Add(new Parameter(symbol, $"[{symbol}m]"));
                    break;
                case 'a':
                    parameters.Add(new Parameter(symbol, "[asnblfom]"));
                    break;
                case 'f':
                    parameters.Add(new Parameter(symbol, "f"));
                    break;
                case 'j':
                    parameters.Add(new Parameter(symbol, "[asnblom]"));
                    break;
                case 'x':
                    parameters.Add(new Parameter(symbol, "[asnblfom]"));
                    break;
                case '-':
                    var last = parameters[^1];
                    parameters[^1] = last with { UseContext = true, ContextPattern = new Regex("^" + last.Pattern + "$", RegexOptions.CultureInvariant), Pattern = last.Pattern + "?" };
                    break;
                case '?' or '+':
                    parameters[^1] = parameters[^1] with { Pattern = parameters[^1].Pattern + symbol };
                    break;
                case '(':
                    var end = signature.IndexOf(')', position);
                    var choice = signature.Substring(position + 1, end - position - 1);
                    parameters.Add(new Parameter('(', $"[{choice}m]"));
                    position = end;
                    break;
                case '<':
                    var close = FindClosing(signature, position);
                    var subtype = signature.Substring(position + 1, close - position - 1);
                    parameters[^1] = parameters[^1] with { Subtype = subtype };
                    position = close;
                    break;
                default:
                    throw new JsonataException("S0401", $"Type parameters can only be applied to functions and arrays: {symbol}", position);
            }
            position++;
        }
        var pattern = new StringBuilder("^");
        foreach (var parameter in parameters)
        {
            pattern.Append('(').Append(parameter.Pattern).Append(')');
        }
        pattern.Append('$');
        return new Signature([.. parameters], new Regex(pattern.ToString(), RegexOptions.CultureInvariant));
    }

    private static int FindClosing(string text, int start)
    {
        var depth = 1;
        var position = start;
        while (++position < text.Length)
        {
            if (text[position] == '>' && --depth == 0)
            {
                return position;
            }
            if (text[position] == '<')
            {
                depth++;
            }
        }
        return position;
    }

    public object?[] Validate(object?[] arguments, object? context)
    {
        Span<char> symbols = arguments.Length <= 16 ? stackalloc char[arguments.Length] : new char[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            symbols[i] = ValueTypes.Symbol(arguments[i]);
        }
        var supplied = new string(symbols);
        var match = _regex.Match(supplied);
        if (!match.Success)
        {
            ThrowMismatch(arguments, supplied);
        }
        var validated = new object?[_parameters.Length];
        var argIndex = 0;
        for (var p = 0; p < _parameters.Length; p++)
        {
            var parameter = _parameters[p];
            var group = match.Groups[p + 1].Value;
            if (group.Length == 0)
            {
                if (parameter.UseContext)
                {
                    if (!parameter.ContextPattern!.IsMatch(ValueTypes.Symbol(context).ToString()))
                    {
                        throw new JsonataException("T0411", $"Context value is not a compatible type with argument {argIndex + 1} of function", -1);
                    }
                    validated[p] = context;
                }
                else
                {
                    validated[p] = argIndex < arguments.Length ? arguments[argIndex] : null;
                    argIndex++;
                }
                continue;
            }
            if (group.Length > 1)
            {
                // A "+" parameter gathers its arguments into one array for the implementation.
                var gathered = new JsonataArray();
                for (var k = 0; k < group.Length; k++)
                {
                    gathered.Add(Coerce(parameter, group[k], arguments[argIndex], argIndex));
                    argIndex++;
                }
                validated[p] = gathered;
                continue;
            }
            validated[p] = Coerce(parameter, group[0], arguments[argIndex], argIndex);
            argIndex++;
        }
        return validated;
    }

    private static object? Coerce(Parameter parameter, char symbol, object? argument, int index)
    {
        if (parameter.Type != 'a' || symbol == 'm')
        {
            return argument;
        }
        if (parameter.Subtype is { } subtype)
        {
            var ok = true;
            if (symbol != 'a')
            {
                ok = symbol == subtype[0];
            }
            else if (argument is JsonataArray array && array.Count > 0)
            {
                foreach (var item in array)
                {
                    if (ValueTypes.Symbol(item) != subtype[0])
                    {
                        ok = false;
                        break;
                    }
                }
            }
            if (!ok)
            {
                var name = subtype[0] switch { 'n' => "numbers", 's' => "strings", 'b' => "booleans", 'o' => "objects", 'a' => "arrays", 'f' => "functions", _ => subtype };
                throw new JsonataException("T0412", $"Argument {index + 1} of function must be an array of {name}", -1);
            }
        }
        return symbol == 'a' ? argument : new JsonataArray { argument };
    }

    private void ThrowMismatch(object?[] arguments, string supplied)
    {
        var pattern = new StringBuilder("^");
        var goodTo = 0;
        foreach (var parameter in _parameters)
        {
            pattern.Append(parameter.Pattern);
            var partial = Regex.Match(supplied, pattern.ToString());
            if (!partial.Success)
            {
                break;
            }
            goodTo = partial.Length;
        }
        var shown = goodTo < arguments.Length ? JsonText.Stringify(arguments[goodTo], false) : "undefined";
        throw new JsonataException("T0410", $"Argument {goodTo + 1} of function does not match function signature (value {shown})", -1);
    }

    private sealed record Parameter(char Type, string Pattern)
    {
        public bool UseContext { get; init; }

        public Regex? ContextPattern { get; init; }

        public string? Subtype { get; init; }
    }
}
