using Microsoft.AspNetCore.Http;

namespace StepFunctionsCqrs.LocalCloud.WebConsole;

/// <summary>Why the console cannot answer a request: a bad parameter (400, naming it) or something looked for and not found (404).</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Code">A stable machine-readable name: InvalidParameter, ExecutionNotFound, CommandNotFound, PageNotFound.</param>
/// <param name="Message">One sentence saying what was wrong, or what was looked for and where.</param>
/// <param name="Parameter">The offending query or path parameter, for a 400.</param>
public sealed class ConsoleProblem(int statusCode, string code, string message, string? parameter = null) : Exception(message)
{
    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>A stable machine-readable name.</summary>
    public string Code { get; } = code;

    /// <summary>The offending parameter, for a 400.</summary>
    public string? Parameter { get; } = parameter;

    /// <summary>A 400 naming the parameter.</summary>
    public static ConsoleProblem InvalidParameter(string parameter, string message) =>
        new(StatusCodes.Status400BadRequest, "InvalidParameter", $"The parameter '{parameter}' is invalid: {message}", parameter);

    /// <summary>A 404 saying what was looked for and where.</summary>
    public static ConsoleProblem NotFound(string code, string message) => new(StatusCodes.Status404NotFound, code, message);
}
