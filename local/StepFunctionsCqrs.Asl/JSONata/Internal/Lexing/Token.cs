namespace StepFunctionsCqrs.Asl.JSONata.Internal.Lexing;

/// <summary>One token: operators and names carry their text; literals their value.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position, double Number = 0, string? Flags = null)
{
    public bool Is(string op) => Kind == TokenKind.Operator && Text == op;
}
