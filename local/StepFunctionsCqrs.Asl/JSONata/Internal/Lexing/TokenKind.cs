namespace StepFunctionsCqrs.Asl.JSONata.Internal.Lexing;

/// <summary>What a token is, as the reference's tokenizer classifies it.</summary>
internal enum TokenKind
{
    End,
    Operator,
    Name,
    Variable,
    String,
    Number,
    Value,
    Regex,
}
