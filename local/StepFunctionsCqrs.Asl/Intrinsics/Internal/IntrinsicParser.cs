using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Intrinsics.Internal;

/// <summary>Compiles intrinsic text such as <c>States.Format('{}', $.a)</c>; every error names the problem and the zero-based position.</summary>
internal sealed class IntrinsicParser
{
    private const string Prefix = "States.";

    // Guards the recursion; far beyond any call the service accepts.
    private const int MaxDepth = 64;

    private readonly string _text;
    private int _pos;

    private IntrinsicParser(string text)
    {
        _text = text;
    }

    /// <summary>Parses a whole intrinsic expression.</summary>
    public static IntrinsicCall Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new IntrinsicParser(text);
        parser.SkipWhitespace();
        var call = parser.ParseCall(depth: 1);
        parser.SkipWhitespace();
        if (!parser.AtEnd)
        {
            throw parser.Error($"unexpected '{parser.Current}' after the end of the call");
        }

        return call;
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Current => _text[_pos];

    private AslPathSyntaxException Error(string problem) => Error(problem, _pos);

    private AslPathSyntaxException Error(string problem, int position) =>
        new($"Invalid intrinsic function '{_text}': {problem} at position {position}.");

    private void SkipWhitespace()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            _pos++;
        }
    }

    private IntrinsicCall ParseCall(int depth)
    {
        var start = _pos;
        if (depth > MaxDepth)
        {
            throw Error($"intrinsic functions are nested more than {MaxDepth} deep");
        }

        if (string.CompareOrdinal(_text, _pos, Prefix, 0, Prefix.Length) != 0)
        {
            throw Error("expected an intrinsic function name starting with 'States.'");
        }

        _pos += Prefix.Length;
        while (!AtEnd && char.IsAsciiLetterOrDigit(Current))
        {
            _pos++;
        }

        var name = _text[start.._pos];
        if (!IntrinsicFunctionCatalog.TryGet(name, out var function))
        {
            throw Error($"'{name}' is not an intrinsic function; the functions are {string.Join(", ", IntrinsicFunctionCatalog.Names)}", start);
        }

        SkipWhitespace();
        if (AtEnd || Current != '(')
        {
            throw Error($"expected '(' after {name}");
        }

        _pos++;
        var arguments = new List<IntrinsicArgument>();
        SkipWhitespace();
        if (!AtEnd && Current == ')')
        {
            _pos++;
        }
        else
        {
            while (true)
            {
                SkipWhitespace();
                arguments.Add(ParseArgument(depth));
                SkipWhitespace();
                if (AtEnd)
                {
                    throw Error($"the argument list of {name} is not closed with ')'");
                }

                if (Current == ')')
                {
                    _pos++;
                    break;
                }

                if (Current != ',')
                {
                    throw Error($"expected ',' or ')' in the arguments of {name} but found '{Current}'");
                }

                _pos++;
            }
        }

        if (arguments.Count < function.MinArguments || arguments.Count > function.MaxArguments)
        {
            throw Error($"{name} takes {DescribeArity(function)} but was given {arguments.Count}", start);
        }

        if (function.Validate(arguments) is { } problem)
        {
            throw Error($"{name}: {problem}", start);
        }

        return new IntrinsicCall(function, arguments.ToArray());
    }

    private static string DescribeArity(IntrinsicFunction function) => (function.MinArguments, function.MaxArguments) switch
    {
        (var min, int.MaxValue) => $"at least {min} argument(s)",
        (var min, var max) when min == max => $"exactly {min} argument(s)",
        (var min, var max) => $"{min} to {max} arguments",
    };

    private IntrinsicArgument ParseArgument(int depth)
    {
        if (AtEnd)
        {
            throw Error("expected an argument but the text ended");
        }

        var c = Current;
        if (c == '\'')
        {
            return ParseString();
        }

        if (c == '$')
        {
            return ParsePath();
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            return ParseNumber();
        }

        if (string.CompareOrdinal(_text, _pos, Prefix, 0, Prefix.Length) == 0)
        {
            return ParseCall(depth + 1);
        }

        foreach (var (keyword, value) in new (string, JsonNode?)[] { ("true", JsonValue.Create(true)), ("false", JsonValue.Create(false)), ("null", null) })
        {
            if (string.CompareOrdinal(_text, _pos, keyword, 0, keyword.Length) == 0 && IsTokenEnd(_pos + keyword.Length))
            {
                _pos += keyword.Length;
                return new LiteralArgument(value);
            }
        }

        throw Error($"unexpected '{c}'; an argument is a 'quoted string', a number, true, false, null, a path starting with '$', or an intrinsic function");
    }

    private bool IsTokenEnd(int position) =>
        position >= _text.Length || char.IsWhiteSpace(_text[position]) || _text[position] is ',' or ')';

    private StringLiteralArgument ParseString()
    {
        var open = _pos;
        _pos++;
        var value = new StringBuilder();
        var piece = new StringBuilder();
        var pieces = new List<string>();
        while (true)
        {
            if (AtEnd)
            {
                throw Error("the string is not closed with '", open);
            }

            var c = Current;
            if (c == '\'')
            {
                _pos++;
                pieces.Add(piece.ToString());
                return new StringLiteralArgument(value.ToString(), pieces);
            }

            if (c == '\\')
            {
                var next = _pos + 1 < _text.Length ? _text[_pos + 1] : '\0';
                if (next is not ('\'' or '{' or '}' or '\\'))
                {
                    throw Error(@"a backslash must be followed by ', {, } or \ (write \\ for a backslash)");
                }

                value.Append(next);
                piece.Append(next);
                _pos += 2;
                continue;
            }

            if (c == '{' && _pos + 1 < _text.Length && _text[_pos + 1] == '}')
            {
                value.Append("{}");
                pieces.Add(piece.ToString());
                piece.Clear();
                _pos += 2;
                continue;
            }

            value.Append(c);
            piece.Append(c);
            _pos++;
        }
    }

    private LiteralArgument ParseNumber()
    {
        var start = _pos;
        while (!AtEnd && !IsTokenEnd(_pos))
        {
            _pos++;
        }

        var literal = _text[start.._pos];
        try
        {
            if (JsonNode.Parse(literal) is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
            {
                return new LiteralArgument(v);
            }
        }
        catch (JsonException)
        {
        }

        throw Error($"'{literal}' is not a valid number", start);
    }

    private PathArgument ParsePath()
    {
        // A path runs to the first ',' or ')' or space outside brackets; inside brackets quotes and filters may hold them.
        var start = _pos;
        var depth = 0;
        char quote = '\0';
        while (!AtEnd)
        {
            var c = Current;
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    _pos++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (depth > 0 && c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']')
            {
                depth--;
            }
            else if (depth == 0 && (c is ',' or ')' || char.IsWhiteSpace(c)))
            {
                break;
            }

            _pos++;
        }

        var text = _text[start..Math.Min(_pos, _text.Length)];
        if (!JsonPath.TryParse(text, out var path, out var error))
        {
            throw Error($"the path argument '{text}' is invalid ({error})", start);
        }

        return new PathArgument(path!);
    }
}
