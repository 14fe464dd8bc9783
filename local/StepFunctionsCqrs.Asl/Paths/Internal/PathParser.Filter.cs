using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary>The filter sub-grammar: <c>[?( operand op operand &amp;&amp; ... )]</c>.</summary>
internal sealed partial class PathParser
{
    private FilterSegment ParseFilterSegment()
    {
        Expect('?');
        SkipWhitespace();
        Expect('(');
        var start = _pos;
        var expression = ParseOr();
        SkipWhitespace();
        var end = _pos;
        Expect(')');
        return new FilterSegment(expression, _text[start..end].Trim());
    }

    private FilterExpression ParseOr()
    {
        var left = ParseAnd();
        while (true)
        {
            SkipWhitespace();
            if (AtEnd || Current != '|')
            {
                return left;
            }

            if (Peek(1) != '|')
            {
                throw Error("expected '||'");
            }

            _pos += 2;
            left = new LogicalFilter(left, isAnd: false, ParseAnd());
        }
    }

    private FilterExpression ParseAnd()
    {
        var left = ParseUnary();
        while (true)
        {
            SkipWhitespace();
            if (AtEnd || Current != '&')
            {
                return left;
            }

            if (Peek(1) != '&')
            {
                throw Error("expected '&&'");
            }

            _pos += 2;
            left = new LogicalFilter(left, isAnd: true, ParseUnary());
        }
    }

    private FilterExpression ParseUnary()
    {
        SkipWhitespace();
        if (AtEnd)
        {
            throw Error("the filter expression ended early");
        }

        if (Current == '!' && Peek(1) != '=')
        {
            _pos++;
            return new NotFilter(ParseUnary());
        }

        if (Current == '(')
        {
            _pos++;
            var inner = ParseOr();
            SkipWhitespace();
            Expect(')');
            return inner;
        }

        var left = ParseOperand();
        SkipWhitespace();
        var op = TryReadOperator();
        if (op is not { } comparison)
        {
            return new ExistsFilter(left);
        }

        SkipWhitespace();
        return new ComparisonFilter(left, comparison, ParseOperand());
    }

    private ComparisonOperator? TryReadOperator()
    {
        if (AtEnd)
        {
            return null;
        }

        var (op, length) = (Current, Peek(1)) switch
        {
            ('=', '=') => (ComparisonOperator.Equal, 2),
            ('!', '=') => (ComparisonOperator.NotEqual, 2),
            ('<', '=') => (ComparisonOperator.LessThanOrEqual, 2),
            ('>', '=') => (ComparisonOperator.GreaterThanOrEqual, 2),
            ('<', _) => (ComparisonOperator.LessThan, 1),
            ('>', _) => (ComparisonOperator.GreaterThan, 1),
            ('=', '~') => throw Error("the regular expression operator '=~' is not supported"),
            ('=', _) => throw Error("expected '==' for equality"),
            _ => ((ComparisonOperator?)null, 0),
        };
        _pos += length;
        return op;
    }

    private FilterOperand ParseOperand()
    {
        if (AtEnd)
        {
            throw Error("expected a value but the path ended");
        }

        var c = Current;
        switch (c)
        {
            case '@':
                _pos++;
                return new PathOperand(fromRoot: false, ParseSegments(inFilter: true));
            case '$':
                return new PathOperand(fromRoot: true, ParseRootedPath(inFilter: true).Segments);
            case '\'' or '"':
                return new LiteralOperand(JsonValue.Create(ReadQuoted()));
            case '-' or (>= '0' and <= '9'):
                return new LiteralOperand(ReadNumber());
        }

        if (TryReadKeyword("true"))
        {
            return new LiteralOperand(JsonValue.Create(true));
        }

        if (TryReadKeyword("false"))
        {
            return new LiteralOperand(JsonValue.Create(false));
        }

        if (TryReadKeyword("null"))
        {
            return new LiteralOperand(null);
        }

        throw Error($"unexpected '{c}'; expected '@', '$', a number, a quoted string, true, false or null");
    }

    private bool TryReadKeyword(string keyword)
    {
        if (string.CompareOrdinal(_text, _pos, keyword, 0, keyword.Length) != 0)
        {
            return false;
        }

        var after = Peek(keyword.Length);
        if (char.IsLetterOrDigit(after) || after == '_')
        {
            return false;
        }

        _pos += keyword.Length;
        return true;
    }

    private JsonNode ReadNumber()
    {
        var start = _pos;
        if (Current == '-')
        {
            _pos++;
        }

        while (!AtEnd && (char.IsAsciiDigit(Current) || Current is '.' or 'e' or 'E' or '+' or '-'))
        {
            _pos++;
        }

        var literal = _text[start.._pos];
        try
        {
            var node = JsonNode.Parse(literal);
            if (node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number)
            {
                return node;
            }
        }
        catch (System.Text.Json.JsonException)
        {
        }

        throw Error($"'{literal}' is not a valid number", start);
    }
}
