using System.Net.Http;
using System.Net.Sockets;
using Amazon.SQS.Model;
using StepFunctionsCqrs.Functions.StepFunctions.Errors;

namespace StepFunctionsCqrs.Cli;

/// <summary>Turns what the SDKs throw when a target is down or a resource is missing into one actionable sentence.</summary>
public static class TargetErrors
{
    /// <summary>How to start the local cloud, quoted when nothing answers.</summary>
    public const string StartLocalCloudHint = "dotnet run --project local/StepFunctionsCqrs.LocalCloud";

    /// <summary>A user-facing message for the failure, or null when it is not a target or resource problem.</summary>
    public static string? Describe(Exception error, string endpoint, string resource)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable }:
                case HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }:
                    return $"Nothing answers at {endpoint}; start the local cloud with '{StartLocalCloudHint}' (or point AWS_ENDPOINT_URL at a running LocalStack, or unset it for AWS).";
                case QueueDoesNotExistException:
                    return $"The queue {resource} does not exist at {endpoint}; set {Configuration.CliSettings.CommandsQueueUrlVariable}/{Configuration.CliSettings.DeadLetterQueueUrlVariable} to the stack's queue, or deploy the stack.";
                case Amazon.DynamoDBv2.Model.ResourceNotFoundException:
                    return $"The table {resource} does not exist at {endpoint}; set its table variable (e.g. COMMAND_STATUS_VIEW_TABLE) or {Configuration.CliSettings.TablePrefixVariable}, or deploy the stack.";
                case StateMachineDoesNotExistException:
                    return $"The state machine {resource} does not exist at {endpoint}; set {Configuration.CliSettings.StateMachineArnVariable} to the stack's state machine.";
            }
        }

        return null;
    }

    /// <summary>Runs a call against a target, rethrowing target and resource failures as <see cref="CliException"/>.</summary>
    public static async Task<T> GuardAsync<T>(Func<Task<T>> call, string endpoint, string resource)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not CliException && Describe(e, endpoint, resource) is { } message)
        {
            throw new CliException(message, e);
        }
    }
}
