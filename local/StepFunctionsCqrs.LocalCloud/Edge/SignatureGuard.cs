using Microsoft.AspNetCore.Http;
using StepFunctionsCqrs.LocalCloud.Sqs;
using Microsoft.AspNetCore.Http.Features;

namespace StepFunctionsCqrs.LocalCloud.Edge;

/// <summary>
/// Every request but the health check and the browser console must be signed with SigV4; a signature under a key the edge knows must be
/// right. The refusal carries the code of the addressed service, and nothing of the request reaches a service.
/// </summary>
public sealed class SignatureGuard(SigV4Verifier verifier)
{
    /// <summary>The service name the HTTP routes (<c>POST /commands</c>, the read API) are signed for, as API Gateway's are.</summary>
    public const string HttpApiService = "execute-api";

    /// <summary>The middleware.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.Request;
        // A browser cannot sign; the console signs its own calls to the services, as the admin.
        if ((HttpMethods.IsGet(request.Method) && request.Path == "/health") || request.Path.StartsWithSegments(WebConsole.ConsoleRoutes.Root, StringComparison.Ordinal))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.ToUriComponent();
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var signed = new SignedRequest(
            request.Method,
            question < 0 ? rawTarget : rawTarget[..question],
            question < 0 ? "" : rawTarget[(question + 1)..],
            name => request.Headers.TryGetValue(name, out var values) ? string.Join(',', values.ToArray()) : null,
            body.GetBuffer().AsMemory(0, (int)body.Length));
        var verdict = verifier.Verify(signed);
        var target = request.Headers["X-Amz-Target"].ToString();
        if (verdict.Fault is null && target.Length == 0 && verdict.Service != HttpApiService)
        {
            verdict = SignatureVerdict.Refused(SignatureFaults.IncompleteSignature,
                $"Credential should be scoped to correct service: '{HttpApiService}', not '{verdict.Service}'.");
        }

        if (verdict.Fault is { } fault)
        {
            await EdgeRefusal.WriteAsync(context, StatusCodes.Status403Forbidden, CodeFor(target, fault.Code), fault.Message).ConfigureAwait(false);
            return;
        }

        // What the services read as the caller, so the header is parsed once, by the code that checked it.
        context.Features.Set(verdict);
        body.Position = 0;
        request.Body = body;
        await next(context).ConfigureAwait(false);
    }

    // Each service names the same refusals its own way.
    private static string CodeFor(string target, string code) => code switch
    {
        SignatureFaults.InvalidClientTokenId when !target.StartsWith(SqsProtocol.Prefix, StringComparison.Ordinal) && target.Length > 0 => SignatureFaults.UnrecognizedClientException,
        SignatureFaults.SignatureDoesNotMatch when target.StartsWith("DynamoDB_", StringComparison.Ordinal) => SignatureFaults.InvalidSignatureException,
        _ => code,
    };
}
