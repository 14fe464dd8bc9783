using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon;
using Amazon.Runtime.Signing;
using StepFunctionsCqrs.Functions.StepFunctions.Errors;
using StepFunctionsCqrs.Functions.StepFunctions.Internal;
using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.Functions.StepFunctions;

/// <summary>
/// Step Functions over its JSON protocol (POST /, <c>X-Amz-Target: AWSStepFunctions.&lt;Operation&gt;</c>),
/// signed with AWSSDK.Core's SigV4 handler, with retries for throttling and server errors.
/// </summary>
public sealed class StepFunctionsClient : IStepFunctionsApi, IDisposable
{
    /// <summary>The content type of the AWS JSON 1.0 protocol.</summary>
    public const string JsonContentType = "application/x-amz-json-1.0";

    /// <summary>The X-Amz-Target prefix of every Step Functions operation.</summary>
    public const string TargetPrefix = "AWSStepFunctions.";

    private static readonly StepFunctionsJsonContext Json = StepFunctionsJsonContext.Default;

    private readonly HttpClient http;
    private readonly StepFunctionsClientOptions options;
    private readonly TimeProvider timeProvider;

    /// <summary>Creates a client; <paramref name="innerHandler"/> sends the signed requests (a new socket handler when null).</summary>
    public StepFunctionsClient(StepFunctionsClientOptions options, TimeProvider? timeProvider = null, HttpMessageHandler? innerHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxAttempts, "StepFunctionsClientOptions.MaxAttempts must be at least 1.");
        }

        this.options = options;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        var signer = new SigV4SigningHandler(
            options.Credentials,
            RegionEndpoint.GetBySystemName(options.Region),
            StepFunctionsClientOptions.SigningServiceName,
            innerHandler ?? new SocketsHttpHandler());
        http = new HttpClient(signer) { BaseAddress = options.Endpoint };
    }

    /// <summary>Creates a client configured from the standard AWS environment variables and credentials chain.</summary>
    public static StepFunctionsClient FromEnvironment() => new(StepFunctionsClientOptions.FromEnvironment());

    /// <inheritdoc />
    public Task<StartExecutionResult> StartExecutionAsync(string stateMachineArn, string name, string input, CancellationToken cancellationToken = default) =>
        StartExecutionAsync(new StartExecutionRequest(stateMachineArn) { Name = name, Input = input }, cancellationToken);

    /// <inheritdoc />
    public Task<StartExecutionResult> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireArn(request.StateMachineArn, "StartExecution", "stateMachineArn");
        return SendAsync("StartExecution", request, Json.StartExecutionRequest, Json.StartExecutionResult, cancellationToken);
    }

    /// <inheritdoc />
    public Task<DescribeExecutionResult> DescribeExecutionAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        RequireArn(executionArn, "DescribeExecution", "executionArn");
        return SendAsync("DescribeExecution", new DescribeExecutionRequest(executionArn), Json.DescribeExecutionRequest, Json.DescribeExecutionResult, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ListExecutionsResult> ListExecutionsAsync(ListExecutionsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.StateMachineArn) == string.IsNullOrWhiteSpace(request.MapRunArn))
        {
            throw new ArgumentException("ListExecutions needs exactly one of stateMachineArn and mapRunArn.", nameof(request));
        }

        return SendAsync("ListExecutions", request, Json.ListExecutionsRequest, Json.ListExecutionsResult, cancellationToken);
    }

    /// <inheritdoc />
    public Task<GetExecutionHistoryResult> GetExecutionHistoryAsync(GetExecutionHistoryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireArn(request.ExecutionArn, "GetExecutionHistory", "executionArn");
        return SendAsync("GetExecutionHistory", request, Json.GetExecutionHistoryRequest, Json.GetExecutionHistoryResult, cancellationToken);
    }

    /// <inheritdoc />
    public Task<DescribeStateMachineResult> DescribeStateMachineAsync(string stateMachineArn, CancellationToken cancellationToken = default)
    {
        RequireArn(stateMachineArn, "DescribeStateMachine", "stateMachineArn");
        return SendAsync("DescribeStateMachine", new DescribeStateMachineRequest(stateMachineArn), Json.DescribeStateMachineRequest, Json.DescribeStateMachineResult, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ListStateMachinesResult> ListStateMachinesAsync(ListStateMachinesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync("ListStateMachines", request, Json.ListStateMachinesRequest, Json.ListStateMachinesResult, cancellationToken);
    }

    /// <inheritdoc />
    public Task<StopExecutionResult> StopExecutionAsync(string executionArn, string? error = null, string? cause = null, CancellationToken cancellationToken = default)
    {
        RequireArn(executionArn, "StopExecution", "executionArn");
        var request = new StopExecutionRequest(executionArn) { Error = error, Cause = cause };
        return SendAsync("StopExecution", request, Json.StopExecutionRequest, Json.StopExecutionResult, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    private async Task<TResponse> SendAsync<TRequest, TResponse>(
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(operation, body, responseType, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (attempt < options.MaxAttempts && TransientFailure.IsTransient(exception, cancellationToken))
            {
                await Task.Delay(Backoff(attempt), timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<TResponse> SendOnceAsync<TResponse>(
        string operation, byte[] body, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, http.BaseAddress);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", TargetPrefix + operation);
        message.Content = new ByteArrayContent(body);
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(JsonContentType);

        using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw ErrorFrom(response, payload);
        }

        try
        {
            return JsonSerializer.Deserialize(payload, responseType)
                ?? throw new StepFunctionsException("InvalidResponse", response.StatusCode, $"Step Functions answered {operation} with an empty body.");
        }
        catch (JsonException exception)
        {
            throw new StepFunctionsException(
                "InvalidResponse", response.StatusCode, $"Step Functions answered {operation} with a body that is not a valid response: {exception.Message}");
        }
    }

    private static Exception ErrorFrom(HttpResponseMessage response, byte[] payload)
    {
        string? code = null;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        continue;
                    }

                    if (property.NameEquals("__type") || property.NameEquals("code"))
                    {
                        code ??= property.Value.GetString();
                    }
                    else if (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase))
                    {
                        message ??= property.Value.GetString();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // A proxy or load balancer may answer with HTML; the status and header still say what happened.
        }

        if (string.IsNullOrEmpty(code) && response.Headers.TryGetValues("x-amzn-ErrorType", out var values))
        {
            code = values.FirstOrDefault();
        }

        return StepFunctionsErrors.FromResponse(code, response.StatusCode, message);
    }

    private TimeSpan Backoff(int attempt)
    {
        var ceiling = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }

    private static void RequireArn(string? value, string operation, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{operation} needs {field}, but it was empty.", field);
        }
    }
}
