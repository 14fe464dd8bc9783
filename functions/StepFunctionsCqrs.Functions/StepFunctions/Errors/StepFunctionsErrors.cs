using System.Net;

namespace StepFunctionsCqrs.Functions.StepFunctions.Errors;

/// <summary>Turns the error code of a Step Functions error response into the matching typed exception.</summary>
public static class StepFunctionsErrors
{
    /// <summary>The key under which <see cref="ExecutionAlreadyExistsException"/> carries its error code in <see cref="Exception.Data"/>.</summary>
    public const string ErrorCodeDataKey = "AwsErrorCode";

    /// <summary>The key under which <see cref="ExecutionAlreadyExistsException"/> carries its HTTP status in <see cref="Exception.Data"/>.</summary>
    public const string StatusCodeDataKey = "AwsStatusCode";

    /// <summary>The AWS error code of ExecutionAlreadyExists.</summary>
    public const string ExecutionAlreadyExists = "ExecutionAlreadyExists";

    private static readonly Dictionary<string, Func<HttpStatusCode, string, StepFunctionsException>> Typed =
        new(StringComparer.Ordinal)
        {
            [Key(ExecutionDoesNotExistException.Code)] = (s, m) => new ExecutionDoesNotExistException(s, m),
            [Key(StateMachineDoesNotExistException.Code)] = (s, m) => new StateMachineDoesNotExistException(s, m),
            [Key(StateMachineDeletingException.Code)] = (s, m) => new StateMachineDeletingException(s, m),
            [Key(InvalidArnException.Code)] = (s, m) => new InvalidArnException(s, m),
            [Key(InvalidNameException.Code)] = (s, m) => new InvalidNameException(s, m),
            [Key(InvalidExecutionInputException.Code)] = (s, m) => new InvalidExecutionInputException(s, m),
            [Key(InvalidTokenException.Code)] = (s, m) => new InvalidTokenException(s, m),
            [Key(ExecutionLimitExceededException.Code)] = (s, m) => new ExecutionLimitExceededException(s, m),
            [Key(ThrottlingException.Code)] = (s, m) => new ThrottlingException(s, m),
            [Key(ValidationException.Code)] = (s, m) => new ValidationException(s, m),
        };

    /// <summary>
    /// Builds the exception for an error response. ExecutionAlreadyExists becomes
    /// <see cref="ExecutionAlreadyExistsException"/>, which sits outside <see cref="StepFunctionsException"/>
    /// because its shape is shared with code that does not know this client; it carries the code and
    /// status in <see cref="Exception.Data"/> instead.
    /// </summary>
    public static Exception FromResponse(string? rawErrorCode, HttpStatusCode statusCode, string? message)
    {
        var code = NormalizeCode(rawErrorCode);
        if (string.IsNullOrEmpty(code))
        {
            code = (int)statusCode >= 500 ? "InternalFailure" : "UnknownError";
        }

        var text = string.IsNullOrEmpty(message) ? $"Step Functions answered {(int)statusCode} {code}." : message;
        var key = Key(code);
        if (key == Key(ExecutionAlreadyExists))
        {
            var exception = new ExecutionAlreadyExistsException(text);
            exception.Data[ErrorCodeDataKey] = ExecutionAlreadyExists;
            exception.Data[StatusCodeDataKey] = (int)statusCode;
            return exception;
        }

        return Typed.TryGetValue(key, out var create)
            ? create(statusCode, text)
            : new StepFunctionsException(code, statusCode, text);
    }

    /// <summary>The error code of any exception this client throws for an error response, or null for other exceptions.</summary>
    public static string? ErrorCodeOf(Exception exception) => exception switch
    {
        StepFunctionsException e => e.ErrorCode,
        ExecutionAlreadyExistsException e => e.Data[ErrorCodeDataKey] as string ?? ExecutionAlreadyExists,
        _ => null,
    };

    /// <summary>
    /// Strips the namespace (<c>com.amazonaws.swf.service.v2.model#</c>) and the trailing
    /// <c>:http://...</c> that the x-amzn-ErrorType header may carry.
    /// </summary>
    public static string NormalizeCode(string? rawErrorCode)
    {
        if (string.IsNullOrWhiteSpace(rawErrorCode))
        {
            return string.Empty;
        }

        var code = rawErrorCode.Trim();
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.LastIndexOf('#');
        return hash >= 0 ? code[(hash + 1)..] : code;
    }

    // Some emulators append "Exception" to codes AWS sends bare (and the reverse for Throttling), so both spellings match.
    private static string Key(string code) =>
        code.EndsWith("Exception", StringComparison.Ordinal) ? code[..^"Exception".Length] : code;
}
