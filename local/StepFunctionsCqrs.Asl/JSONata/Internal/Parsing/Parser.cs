using StepFunctionsCqrs.Asl.JSONata.Internal.Ast;
using StepFunctionsCqrs.Asl.JSONata.Internal.Functions;
using StepFunctionsCqrs.Asl.JSONata.Internal.Lexing;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Parsing;

/// <summary>
/// A Pratt parser with the reference's binding powers. Paths, predicates, grouping and sorting are folded into
/// their final nodes as they are parsed, rather than in a second pass over a raw tree.
/// </summary>
internal sealed class Parser
{
    private static readonly Dictionary<string, int> BindingPowers = new(StringComparer.Ordinal)
    {
        ["."] = 75, ["["] = 80, ["]"] = 0, ["{"] = 70, ["}"] = 0, ["("] = 80, [")"] = 0, [","] = 0,
        ["@"] = 80, ["#"] = 80, [";"] = 0, [":"] = 0, ["?"] = 20, ["+"] = 50, ["-"] = 50, ["*"] = 60,
        ["/"] = 60, ["%"] = 60, ["|"] = 20, ["="] = 40, ["<"] = 40, [">"] = 40, ["^"] = 40, ["**"] = 60,
        [".."] = 20, [":="] = 10, ["!="] = 40, ["<="] = 40, [">="] = 40, ["~>"] = 40, ["?:"] = 40,
        ["??"] = 40, ["and"] = 30, ["or"] = 25, ["in"] = 40, ["&"] = 50, ["!"] = 0, ["~"] = 0,
    };

    private readonly Lexer _lexer;
    private Token _current;

    private Parser(string text)
    {
        _lexer = new Lexer(text);
        _current = _lexer.Next(prefix: true);
    }

    public static Node Parse(string text)
    {
        var parser = new Parser(text);
        var node = parser.Expression(0);
        if (parser._current.Kind != TokenKind.End)
        {
            throw new JsonataException("S0201", $"Syntax error: {parser._current.Text}", parser._current.Position, parser._current.Text);
        }
        return node;
    }

    private void Advance()
    {
        // A '/' starts a regex only where an operand is expected, i.e. after an operator other than a closing bracket.
        var prefix = _current.Kind == TokenKind.Operator && _current.Text is not (")" or "]" or "}");
        _current = _lexer.Next(prefix);
    }

    private void Expect(string op)
    {
        if (!_current.Is(op))
        {
            if (_current.Kind == TokenKind.End)
            {
                throw new JsonataException("S0203", $"Expected {op} before end of expression", _current.Position, op);
            }
            throw new JsonataException("S0202", $"Expected {op}, got {_current.Text}", _current.Position, _current.Text);
        }
        Advance();
    }

    private int CurrentBindingPower() =>
        _current.Kind == TokenKind.Operator && BindingPowers.TryGetValue(_current.Text, out var power) ? power : 0;

    private Node Expression(int rightBindingPower)
    {
        var token = _current;
        Advance();
        var left = Prefix(token);
        while (rightBindingPower < CurrentBindingPower())
        {
            token = _current;
            Advance();
            left = Infix(token, left);
        }
        return left;
    }

    private Node Prefix(Token token)
    {
        switch (token.Kind)
        {
            case TokenKind.End:
                throw new JsonataException("S0207", "Unexpected end of expression", token.Position);
            case TokenKind.Number:
                return new LiteralNode(token.Number, token.Position);
            case TokenKind.String:
                return new LiteralNode(token.Text, token.Position);
            case TokenKind.Value:
                return new LiteralNode(token.Text switch
                {
                    "true" => NodeConversion.True,
                    "false" => NodeConversion.False,
                    _ => JsonataNull.Instance,
                }, token.Position);
            case TokenKind.Regex:
                return new RegexNode(token.Text, token.Flags ?? "", token.Position);
            case TokenKind.Variable:
                return new VariableNode(token.Text, token.Position);
            case TokenKind.Name:
                if (token.Text is "function" or "λ" && _current.Is("("))
                {
                    return Lambda(token);
                }
                return NameAsPath(token.Text, token.Position);
        }

        switch (token.Text)
        {
            case "and" or "or" or "in":
                return NameAsPath(token.Text, token.Position);
            case "-":
                return new NegationNode(Expression(70), token.Position);
            case "*":
                return new PathNode([new PathStep(new WildcardNode(token.Position))], token.Position);
            case "**":
                return new PathNode([new PathStep(new DescendantNode(token.Position))], token.Position);
            case "(":
                var expressions = new List<Node>();
                while (!_current.Is(")"))
                {
                    expressions.Add(Expression(0));
                    if (!_current.Is(";"))
                    {
                        break;
                    }
                    Advance();
                }
                Expect(")");
                return new BlockNode(expressions, token.Position);
            case "[":
                var items = new List<Node>();
                if (!_current.Is("]"))
                {
                    while (true)
                    {
                        items.Add(Expression(0));
                        if (!_current.Is(","))
                        {
                            break;
                        }
                        Advance();
                    }
                }
                Expect("]");
                return new ArrayConstructorNode(items, token.Position);
            case "{":
                return new ObjectConstructorNode(Pairs(), token.Position);
            case "|":
                var pattern = Expression(0);
                Expect("|");
                var update = Expression(0);
                Node? delete = null;
                if (_current.Is(","))
                {
                    Advance();
                    delete = Expression(0);
                }
                Expect("|");
                return new TransformNode(pattern, update, delete, token.Position);
            case "%":
                throw new JsonataException("S0218", "The parent operator % is not supported", token.Position, "%");
            default:
                throw new JsonataException("S0211", $"The symbol {token.Text} cannot be used as a unary operator", token.Position, token.Text);
        }
    }

    private static PathNode NameAsPath(string name, int position) => new([new PathStep(new NameNode(name, position))], position);

    private List<(Node, Node)> Pairs()
    {
        var pairs = new List<(Node, Node)>();
        if (!_current.Is("}"))
        {
            while (true)
            {
                var key = Expression(0);
                Expect(":");
                var value = Expression(0);
                pairs.Add((key, value));
                if (!_current.Is(","))
                {
                    break;
                }
                Advance();
            }
        }
        Expect("}");
        return pairs;
    }

    private Node Lambda(Token token)
    {
        Expect("(");
        var parameters = new List<string>();
        while (!_current.Is(")"))
        {
            if (_current.Kind != TokenKind.Variable)
            {
                throw new JsonataException("S0208", $"Parameter {_current.Text} of function definition must be a variable name (start with $)", _current.Position, _current.Text);
            }
            parameters.Add(_current.Text);
            Advance();
            if (!_current.Is(","))
            {
                break;
            }
            Advance();
        }
        Expect(")");
        Signature? signature = null;
        if (_current.Is("<"))
        {
            signature = ReadSignature();
        }
        Expect("{");
        var body = Expression(0);
        Expect("}");
        return new LambdaNode(parameters, signature, body, token.Position);
    }

    private Signature ReadSignature()
    {
        // The signature's symbols lex as names and operators; reassemble the text between the angle brackets.
        var text = new System.Text.StringBuilder("<");
        var depth = 1;
        Advance();
        while (depth > 0)
        {
            if (_current.Kind == TokenKind.End)
            {
                throw new JsonataException("S0203", "Expected > before end of expression", _current.Position, ">");
            }
            if (_current.Is("<"))
            {
                depth++;
            }
            else if (_current.Is(">"))
            {
                depth--;
            }
            text.Append(_current.Text);
            Advance();
        }
        return Signature.Parse(text.ToString());
    }

    private Node Infix(Token token, Node left)
    {
        var position = token.Position;
        switch (token.Text)
        {
            case ".":
                return Path(left, Expression(75), position);
            case "[":
                return Predicate(left, position);
            case "(":
                return Call(left, position);
            case "{":
                return new GroupNode(left, Pairs(), position);
            case "^":
                return Sort(left, position);
            case "?":
                var then = Expression(0);
                Node? otherwise = null;
                if (_current.Is(":"))
                {
                    Advance();
                    otherwise = Expression(0);
                }
                return new ConditionNode(left, then, otherwise, position);
            case ":=":
                if (left is not VariableNode variable)
                {
                    throw new JsonataException("S0212", "The left side of := must be a variable name (start with $)", position, ":=");
                }
                return new BindNode(variable.Name, Expression(9), position);
            case "~>":
                return new ApplyNode(left, Expression(40), position);
            case "?:":
                return new DefaultNode(false, left, Expression(40), position);
            case "??":
                return new DefaultNode(true, left, Expression(40), position);
            case "@" or "#":
                throw new JsonataException("S0219", $"The {token.Text} variable binding operator is not supported", position, token.Text);
        }

        var power = BindingPowers[token.Text];
        var right = Expression(power);
        return token.Text switch
        {
            "+" or "-" or "*" or "/" or "%" => new ArithmeticNode(token.Text[0], left, right, position),
            "=" => new EqualityNode(false, left, right, position),
            "!=" => new EqualityNode(true, left, right, position),
            "<" or "<=" or ">" or ">=" => new ComparisonNode(token.Text, left, right, position),
            "and" => new BooleanNode(true, left, right, position),
            "or" => new BooleanNode(false, left, right, position),
            "&" => new ConcatenationNode(left, right, position),
            ".." => new RangeNode(left, right, position),
            "in" => new InclusionNode(left, right, position),
            _ => throw new JsonataException("S0201", $"Syntax error: {token.Text}", position, token.Text),
        };
    }

    private static PathNode Path(Node left, Node right, int position)
    {
        var steps = left is PathNode leftPath ? leftPath.Steps : [new PathStep(left)];
        if (right is PathNode rightPath)
        {
            steps.AddRange(rightPath.Steps);
        }
        else
        {
            steps.Add(ToStep(right));
        }
        var path = new PathNode(steps, left is PathNode p ? p.Position : position);
        foreach (var step in steps)
        {
            if (step.Expression is LiteralNode literal)
            {
                if (literal.Value is not string name)
                {
                    throw new JsonataException("S0213", $"The literal value {literal.Value} cannot be used as a step within a path expression", literal.Position);
                }
                step.Expression = new NameNode(name, literal.Position);
            }
            if (step.Expression.KeepArray)
            {
                path.KeepSingletonArray = true;
            }
        }
        if (steps[0].Expression is ArrayConstructorNode first)
        {
            first.KeepWhole = true;
        }
        if (steps[^1].Expression is ArrayConstructorNode last)
        {
            last.KeepWhole = true;
        }
        if (left is PathNode { KeepSingletonArray: true } || right is PathNode { KeepSingletonArray: true })
        {
            path.KeepSingletonArray = true;
        }
        return path;
    }

    /// <summary>Predicates on a step of a path filter each item's result, so they move into the step.</summary>
    private static PathStep ToStep(Node node)
    {
        var stages = new List<Node>();
        while (node is FilterNode filter && !filter.KeepArray)
        {
            stages.Insert(0, filter.Predicate);
            node = filter.Subject;
        }
        return new PathStep(node) { Stages = stages.Count > 0 ? stages : null };
    }

    private Node Predicate(Node left, int position)
    {
        if (_current.Is("]"))
        {
            // "[]" keeps a singleton result as an array.
            Advance();
            if (left is PathNode path)
            {
                path.Steps[^1].Expression.KeepArray = true;
                path.KeepSingletonArray = true;
            }
            else
            {
                left.KeepArray = true;
            }
            return left;
        }
        var predicate = Expression(0);
        Expect("]");
        if (left is PathNode leftPath)
        {
            var step = leftPath.Steps[^1];
            (step.Stages ??= []).Add(predicate);
            return leftPath;
        }
        return new FilterNode(left, predicate, position);
    }

    private Node Call(Node procedure, int position)
    {
        var arguments = new List<Node>();
        var partial = false;
        while (!_current.Is(")"))
        {
            if (_current.Is("?"))
            {
                arguments.Add(new PlaceholderNode(_current.Position));
                partial = true;
                Advance();
            }
            else
            {
                arguments.Add(Expression(0));
            }
            if (!_current.Is(","))
            {
                break;
            }
            Advance();
        }
        Expect(")");
        return partial ? new PartialApplicationNode(procedure, arguments, position) : new FunctionCallNode(procedure, arguments, position);
    }

    private Node Sort(Node left, int position)
    {
        Expect("(");
        var terms = new List<(Node, bool)>();
        while (true)
        {
            var descending = false;
            if (_current.Is("<"))
            {
                Advance();
            }
            else if (_current.Is(">"))
            {
                descending = true;
                Advance();
            }
            terms.Add((Expression(0), descending));
            if (!_current.Is(","))
            {
                break;
            }
            Advance();
        }
        Expect(")");
        var path = left as PathNode ?? new PathNode([new PathStep(left)], position);
        path.Steps.Add(new PathStep(new SortNode(terms, position)));
        return path;
    }
}
