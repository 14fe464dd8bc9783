namespace StepFunctionsCqrs.Functions.Tests.TestKit;

/// <summary>API Gateway HTTP API (payload format 2.0) events as Lambda receives them.</summary>
public static class QueryEvents
{
    /// <summary>A request signed by <paramref name="caller"/> (an IAM principal ARN; the admin unless said otherwise).</summary>
    public static string Get(string path, Dictionary<string, string>? query = null, string method = "GET", string? caller = Pipeline.Admin) =>
        Event(path, query, method, caller is null ? null : $$"""{ "iam": { "accessKey": "AKIAEXAMPLE", "accountId": "123456789012", "userArn": {{System.Text.Json.JsonSerializer.Serialize(caller)}}, "userId": "AIDAEXAMPLE" } }""");

    /// <summary>A request whose bearer token the JWT authorizer verified, with these claims.</summary>
    public static string GetWithJwt(string path, string claimsJson, Dictionary<string, string>? query = null) =>
        Event(path, query, "GET", $$"""{ "jwt": { "claims": {{claimsJson}}, "scopes": null } }""");

    private static string Event(string path, Dictionary<string, string>? query, string method, string? authorizer)
    {
        var rawQuery = query is null ? "" : string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var queryParameters = query is null ? "" : $"""
            "queryStringParameters": {System.Text.Json.JsonSerializer.Serialize(query)},
            """;
        return $$"""
            {
              "version": "2.0",
              "routeKey": "$default",
              "rawPath": "{{path}}",
              "rawQueryString": "{{rawQuery}}",
              "headers": { "accept": "application/json", "host": "abc123.execute-api.us-east-1.amazonaws.com" },
              {{queryParameters}}
              "requestContext": {
                "accountId": "123456789012",
                {{(authorizer is null ? "" : $"\"authorizer\": {authorizer},")}}
                "apiId": "abc123",
                "domainName": "abc123.execute-api.us-east-1.amazonaws.com",
                "http": { "method": "{{method}}", "path": "{{path}}", "protocol": "HTTP/1.1", "sourceIp": "203.0.113.7", "userAgent": "curl/8.5.0" },
                "requestId": "req-1",
                "routeKey": "$default",
                "stage": "$default",
                "time": "10/Jan/2027:09:30:00 +0000",
                "timeEpoch": 1799566200000
              },
              "isBase64Encoded": false
            }
            """;
    }
}
