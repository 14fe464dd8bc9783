namespace StepFunctionsCqrs.Asl.JSONata;

/// <summary>A JSONata parse or evaluation error, carrying the reference implementation's error code (S0201, T0410...).</summary>
public sealed class JsonataException : Exception
{
    public JsonataException(string code, string message, int position = -1, string? token = null)
        : base(position >= 0 ? $"{code}: {message} (position {position})" : $"{code}: {message}")
    {
        Code = code;
        Position = position;
        Token = token;
        Detail = message;
    }

    /// <summary>The error code, e.g. T2001; the letter says the phase: S syntax, T type, D dynamic.</summary>
    public string Code { get; }

    /// <summary>Character offset in the expression text, or -1 when not known.</summary>
    public int Position { get; internal set; }

    /// <summary>The token (operator or function name) involved, when known.</summary>
    public string? Token { get; internal set; }

    /// <summary>The message without code and position.</summary>
    public string Detail { get; }
}
