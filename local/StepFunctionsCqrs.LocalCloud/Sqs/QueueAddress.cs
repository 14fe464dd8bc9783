namespace StepFunctionsCqrs.LocalCloud.Sqs;

/// <summary>How queue names become URLs (on the address the caller used) and ARNs, and back.</summary>
internal sealed record QueueAddress(string Region, string AccountId)
{
    /// <summary>The queue's URL under <paramref name="baseUrl"/>, e.g. <c>http://127.0.0.1:4566/000000000000/commands</c>.</summary>
    public string Url(Uri baseUrl, string name) => new Uri(baseUrl, $"/{AccountId}/{name}").ToString();

    /// <summary>The queue's ARN.</summary>
    public string Arn(string name) => $"arn:aws:sqs:{Region}:{AccountId}:{name}";

    /// <summary>The queue name in a queue URL (its last path segment).</summary>
    public static string NameFromUrl(string? queueUrl)
    {
        if (string.IsNullOrWhiteSpace(queueUrl))
        {
            throw SqsError.Missing("QueueUrl");
        }

        var path = Uri.TryCreate(queueUrl, UriKind.Absolute, out var uri) ? uri.AbsolutePath : queueUrl;
        var name = path.TrimEnd('/').Split('/')[^1];
        return name.Length > 0
            ? name
            : throw SqsError.InvalidParameter("QueueUrl", queueUrl, "The URL does not end with a queue name.");
    }

    /// <summary>The queue name in an ARN of this region and account, or null when it is not one.</summary>
    public string? NameFromArn(string arn)
    {
        var prefix = $"arn:aws:sqs:{Region}:{AccountId}:";
        return arn.StartsWith(prefix, StringComparison.Ordinal) && arn.Length > prefix.Length ? arn[prefix.Length..] : null;
    }
}
