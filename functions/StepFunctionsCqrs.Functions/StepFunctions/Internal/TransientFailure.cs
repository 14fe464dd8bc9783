using System.Net;
using StepFunctionsCqrs.Functions.StepFunctions.Errors;

namespace StepFunctionsCqrs.Functions.StepFunctions.Internal;

/// <summary>Decides which failures are worth another attempt: the ones a later identical request can succeed at.</summary>
internal static class TransientFailure
{
    public static bool IsTransient(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        ThrottlingException => true,
        StepFunctionsException e => (int)e.StatusCode >= 500 || e.StatusCode == HttpStatusCode.TooManyRequests,
        HttpRequestException => true,
        // HttpClient reports its own timeout as a cancellation the caller did not ask for.
        TaskCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
