using System.Globalization;
using System.Text;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Lexing;

/// <summary>Splits expression text into tokens; a '/' is read as a regex only where an operand is expected, which the parser says.</summary>
internal sealed class Lexer
{
    private static readonly string[] TwoCharOperators = ["..", ":=", "!=", ">=", "<=", "**", "~>", "?:", "??"];
    private const string SingleCharOperators = "[]{}(),;:?+-*/%|=<>^&.@#!~$";

    private readonly string _text;
    private int _position;

    public Lexer(string text)
    {
        _text = text;
    }

    public Token Next(bool prefix)
    {
        SkipWhitespaceAndComments();
        if (_position >= _text.Length)
        {
            return new Token(TokenKind.End, "(end)", _position);
        }
        var start = _position;
        var c = _text[_position];
        if (prefix && c == '/')
        {
            return ReadRegex();
        }
        if (c == '.' && Peek(1) == '.')
        {
            _position += 2;
            return new Token(TokenKind.Operator, "..", start);
        }
        if (_position + 1 < _text.Length)
        {
            var two = _text.AsSpan(_position, 2);
            foreach (var op in TwoCharOperators)
            {
                if (two.SequenceEqual(op))
                {
                    _position += 2;
                    return new Token(TokenKind.Operator, op, start);
                }
            }
        }
        if (c == '"' || c == '\'')
        {
            return ReadString(c);
        }
        if (char.IsAsciiDigit(c))
        {
            return ReadNumber();
        }
        if (c == '`')
        {
            var end = _text.IndexOf('`', _position + 1);
            if (end < 0)
            {
                throw new JsonataException("S0105", "Quoted property name must be terminated with a backquote (`)", _position);
            }
            _position = end + 1;
            return new Token(TokenKind.Name, _text.Substring(start + 1, end - start - 1), start);
        }
        if (c == '$')
        {
            _position++;
            var nameStart = _position;
            ReadNameChars();
            return new Token(TokenKind.Variable, _text[nameStart.._position], start);
        }
        if (SingleCharOperators.Contains(c))
        {
            _position++;
            return new Token(TokenKind.Operator, c.ToString(), start);
        }
        ReadNameChars();
        if (_position == start)
        {
            throw new JsonataException("S0204", $"Unknown operator: {c}", start, c.ToString());
        }
        var name = _text[start.._position];
        return name switch
        {
            "and" or "or" or "in" => new Token(TokenKind.Operator, name, start),
            "true" or "false" or "null" => new Token(TokenKind.Value, name, start),
            _ => new Token(TokenKind.Name, name, start),
        };
    }

    private char Peek(int offset) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private void ReadNameChars()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (char.IsWhiteSpace(c) || SingleCharOperators.Contains(c) || c == '"' || c == '\'' || c == '`')
            {
                break;
            }
            _position++;
        }
    }

    private void SkipWhitespaceAndComments()
    {
        while (_position < _text.Length)
        {
            if (char.IsWhiteSpace(_text[_position]))
            {
                _position++;
            }
            else if (_text[_position] == '/' && Peek(1) == '*')
            {
                var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new JsonataException("S0106", "Comment has no closing tag", _position);
                }
                _position = end + 2;
            }
            else
            {
                break;
            }
        }
    }

    private Token ReadNumber()
    {
        var start = _position;
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }
        if (Peek(0) == '.' && char.IsAsciiDigit(Peek(1)))
        {
            _position++;
            while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
            {
                _position++;
            }
        }
        if (Peek(0) is 'e' or 'E' && (char.IsAsciiDigit(Peek(1)) || (Peek(1) is '+' or '-' && char.IsAsciiDigit(Peek(2)))))
        {
            _position += 2;
            while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
            {
                _position++;
            }
        }
        var text = _text[start.._position];
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            throw new JsonataException("S0102", $"Number out of range: {text}", start, text);
        }
        return new Token(TokenKind.Number, text, start, value);
    }

    private Token ReadString(char quote)
    {
        var start = _position;
        _position++;
        var sb = new StringBuilder();
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '\\')
            {
                _position++;
                if (_position >= _text.Length)
                {
                    break;
                }
                var e = _text[_position];
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (_position + 4 < _text.Length && int.TryParse(_text.AsSpan(_position + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                        {
                            sb.Append((char)code);
                            _position += 4;
                        }
                        else
                        {
                            throw new JsonataException("S0104", "The escape sequence \\u must be followed by 4 hex digits", _position);
                        }
                        break;
                    default:
                        throw new JsonataException("S0103", $"Unsupported escape sequence: \\{e}", _position, e.ToString());
                }
            }
            else if (c == quote)
            {
                _position++;
                return new Token(TokenKind.String, sb.ToString(), start);
            }
            else
            {
                sb.Append(c);
            }
            _position++;
        }
        throw new JsonataException("S0101", "String literal must be terminated by a matching quote", start);
    }

    private Token ReadRegex()
    {
        var start = _position;
        _position++;
        var depth = 0;
        var patternStart = _position;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '/' && depth == 0 && _text[_position - 1] != '\\')
            {
                var pattern = _text[patternStart.._position];
                if (pattern.Length == 0)
                {
                    throw new JsonataException("S0301", "Empty regular expressions are not allowed", _position);
                }
                _position++;
                var flagsStart = _position;
                while (_position < _text.Length && _text[_position] is 'i' or 'm')
                {
                    _position++;
                }
                return new Token(TokenKind.Regex, pattern, start, Flags: _text[flagsStart.._position]);
            }
            if (c is '(' or '[' or '{' && _text[_position - 1] != '\\')
            {
                depth++;
            }
            if (c is ')' or ']' or '}' && _text[_position - 1] != '\\')
            {
                depth--;
            }
            _position++;
        }
        throw new JsonataException("S0302", "No terminating / in regular expression", _position);
    }
}
