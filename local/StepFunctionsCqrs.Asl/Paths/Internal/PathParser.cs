using System.Globalization;
using System.Text;

namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary>Compiles path text into segments; every error names the problem and the zero-based position in the text.</summary>
internal sealed partial class PathParser
{
    private readonly string _text;
    private int _pos;

    private PathParser(string text, int start)
    {
        _text = text;
        _pos = start;
    }

    /// <summary>Parses a whole path such as <c>$.a[0]</c>, <c>$$.Execution.Id</c> or <c>$var.field</c>.</summary>
    public static ParsedPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new PathParser(text, 0);
        parser.SkipWhitespace();
        var result = parser.ParseRootedPath(inFilter: false);
        parser.SkipWhitespace();
        if (!parser.AtEnd)
        {
            throw parser.Error($"unexpected '{parser.Current}'");
        }

        return result;
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Current => _text[_pos];

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private AslPathSyntaxException Error(string problem) => Error(problem, _pos);

    private AslPathSyntaxException Error(string problem, int position) =>
        new($"Invalid path '{_text}': {problem} at position {position}.");

    private void SkipWhitespace()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            _pos++;
        }
    }

    private void Expect(char c)
    {
        if (AtEnd)
        {
            throw Error($"expected '{c}' but the path ended");
        }

        if (Current != c)
        {
            throw Error($"expected '{c}' but found '{Current}'");
        }

        _pos++;
    }

    private ParsedPath ParseRootedPath(bool inFilter)
    {
        if (AtEnd || Current != '$')
        {
            throw Error(AtEnd ? "a path must start with '$' but the text is empty" : $"a path must start with '$' but found '{Current}'");
        }

        _pos++;
        var root = PathRoot.Input;
        string? variable = null;
        if (!inFilter && !AtEnd && Current == '$')
        {
            _pos++;
            root = PathRoot.Context;
        }
        else if (!inFilter && !AtEnd && IsIdentifierStart(Current))
        {
            var start = _pos;
            while (!AtEnd && IsIdentifierPart(Current))
            {
                _pos++;
            }

            root = PathRoot.Variable;
            variable = _text[start.._pos];
        }

        return new ParsedPath(root, variable, ParseSegments(inFilter));
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    private PathSegment[] ParseSegments(bool inFilter)
    {
        var segments = new List<PathSegment>();
        while (!AtEnd)
        {
            var c = Current;
            if (c == '.' && Peek(1) == '.')
            {
                var at = _pos;
                _pos += 2;
                if (AtEnd || (inFilter && IsFilterStop(Current)))
                {
                    throw Error("expected a field name, '*' or '[' after '..'", at);
                }

                var inner = Current switch
                {
                    '[' => ParseBracket(),
                    '*' => ParseStar(),
                    _ => new PropertySegment(ReadDotName(inFilter)),
                };
                segments.Add(new RecursiveDescentSegment(inner));
            }
            else if (c == '.')
            {
                _pos++;
                // "$.a.['b c']" is accepted by the service, so a bracket may follow a dot.
                segments.Add(!AtEnd && Current == '*' ? ParseStar()
                    : !AtEnd && Current == '[' ? ParseBracket()
                    : new PropertySegment(ReadDotName(inFilter)));
            }
            else if (c == '[')
            {
                segments.Add(ParseBracket());
            }
            else if (inFilter)
            {
                break;
            }
            else
            {
                throw Error($"unexpected '{c}'; expected '.' or '['");
            }
        }

        return segments.ToArray();
    }

    private WildcardSegment ParseStar()
    {
        _pos++;
        return WildcardSegment.Instance;
    }

    private static bool IsFilterStop(char c) =>
        char.IsWhiteSpace(c) || c is '<' or '>' or '=' or '!' or '&' or '|' or ')' or ']' or ',';

    private string ReadDotName(bool inFilter)
    {
        var start = _pos;
        while (!AtEnd && Current is not ('.' or '['))
        {
            var c = Current;
            if (inFilter && IsFilterStop(c))
            {
                break;
            }

            if (char.IsWhiteSpace(c))
            {
                throw Error("a field name in dot notation cannot contain whitespace; use bracket notation such as ['a b']");
            }

            if (c is '(' or ')')
            {
                throw Error("path functions such as length() are not supported");
            }

            if (c is ']' or '\'' or '"')
            {
                throw Error($"unexpected '{c}' in a field name");
            }

            _pos++;
        }

        if (_pos == start)
        {
            throw Error(AtEnd ? "expected a field name but the path ended" : $"expected a field name but found '{Current}'");
        }

        return _text[start.._pos];
    }

    private PathSegment ParseBracket()
    {
        var open = _pos;
        Expect('[');
        SkipWhitespace();
        if (AtEnd)
        {
            throw Error("unclosed '['", open);
        }

        PathSegment segment;
        switch (Current)
        {
            case '*':
                _pos++;
                segment = WildcardSegment.Instance;
                break;
            case '?':
                segment = ParseFilterSegment();
                break;
            case '\'' or '"':
                segment = ParseNameList();
                break;
            case '-' or ':' or (>= '0' and <= '9'):
                segment = ParseIndexOrSlice();
                break;
            default:
                throw Error($"unexpected '{Current}' after '['; expected a quoted name, an index, a slice, '*' or a filter");
        }

        SkipWhitespace();
        if (AtEnd)
        {
            throw Error("unclosed '['", open);
        }

        Expect(']');
        return segment;
    }

    private PathSegment ParseNameList()
    {
        var names = new List<PathSegment> { new PropertySegment(ReadQuoted()) };
        SkipWhitespace();
        while (!AtEnd && Current == ',')
        {
            _pos++;
            SkipWhitespace();
            if (AtEnd || Current is not ('\'' or '"'))
            {
                throw Error("expected a quoted field name after ','");
            }

            names.Add(new PropertySegment(ReadQuoted()));
            SkipWhitespace();
        }

        return names.Count == 1 ? names[0] : new UnionSegment(names.ToArray());
    }

    private string ReadQuoted()
    {
        var quote = Current;
        var open = _pos;
        _pos++;
        var value = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error($"unclosed quoted name opened with {quote}", open);
            }

            var c = Current;
            if (c == quote)
            {
                _pos++;
                return value.ToString();
            }

            if (c == '\\')
            {
                _pos++;
                if (AtEnd)
                {
                    throw Error("a backslash at the end of the path escapes nothing");
                }

                value.Append(Current);
                _pos++;
                continue;
            }

            value.Append(c);
            _pos++;
        }
    }

    private PathSegment ParseIndexOrSlice()
    {
        var first = TryReadInteger();
        SkipWhitespace();
        if (!AtEnd && Current == ':')
        {
            _pos++;
            SkipWhitespace();
            var end = TryReadInteger();
            SkipWhitespace();
            var step = 1;
            if (!AtEnd && Current == ':')
            {
                _pos++;
                SkipWhitespace();
                var stepAt = _pos;
                step = TryReadInteger() ?? 1;
                if (step == 0)
                {
                    throw Error("a slice step cannot be 0", stepAt);
                }
            }

            return new SliceSegment(first, end, step);
        }

        if (first is not { } index)
        {
            throw Error("expected an array index");
        }

        var indexes = new List<PathSegment> { new IndexSegment(index) };
        while (!AtEnd && Current == ',')
        {
            _pos++;
            SkipWhitespace();
            indexes.Add(new IndexSegment(TryReadInteger() ?? throw Error("expected an array index after ','")));
            SkipWhitespace();
        }

        return indexes.Count == 1 ? indexes[0] : new UnionSegment(indexes.ToArray());
    }

    private int? TryReadInteger()
    {
        var start = _pos;
        if (!AtEnd && Current == '-')
        {
            _pos++;
        }

        while (!AtEnd && char.IsAsciiDigit(Current))
        {
            _pos++;
        }

        if (_pos == start)
        {
            return null;
        }

        if (!int.TryParse(_text.AsSpan(start, _pos - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Error($"'{_text[start.._pos]}' is not a valid array index", start);
        }

        return value;
    }
}
