using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace StepFunctionsCqrs.LocalCloud.Tests.StepFunctions;

/// <summary>
/// A queue that <c>sqs:sendMessage.waitForTaskToken</c> tasks send their tokens to, read with the SDK's SQS client the
/// way a worker reads it. Each message names its execution and carries the token of one task attempt.
/// </summary>
public sealed class CallbackQueue(IAmazonSQS sqs, string url)
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> tokens = new(StringComparer.Ordinal);

    /// <summary>The queue's URL.</summary>
    public string Url { get; } = url;

    /// <summary>Creates a queue of a fresh name.</summary>
    public static async Task<CallbackQueue> CreateAsync(IAmazonSQS sqs)
    {
        var created = await sqs.CreateQueueAsync(TestMachines.Name("callbacks"));
        return new CallbackQueue(sqs, created.QueueUrl);
    }

    /// <summary>A machine whose one Task sends its token here and ends with the answer; <paramref name="taskFields"/> are added to the Task.</summary>
    public string Definition(string taskFields = "") =>
        """{"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","Parameters":{"QueueUrl":"""
        + $"\"{Url}\""
        + ""","MessageBody":{"name.$":"$$.Execution.Name","token.$":"$$.Task.Token","attempt.$":"$$.State.RetryCount"}},"""
        + taskFields
        + "\"End\":true}}}";

    /// <summary>Waits for the next token sent by the execution named <paramref name="executionName"/>.</summary>
    public async Task<string> NextTokenAsync(string executionName)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            if (tokens.TryGetValue(executionName, out var queue) && queue.TryDequeue(out var token))
            {
                return token;
            }

            await ReceiveAsync();
        }

        throw new TimeoutException($"No task token from {executionName} reached {Url}.");
    }

    /// <summary>Reads messages until each of <paramref name="executionNames"/> has sent a token; returns the first of each.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NextTokensAsync(IReadOnlyCollection<string> executionNames, Action<string, string>? onToken = null)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var attempt = 0; attempt < 600 && found.Count < executionNames.Count; attempt++)
        {
            foreach (var name in executionNames)
            {
                if (!found.ContainsKey(name) && tokens.TryGetValue(name, out var queue) && queue.TryDequeue(out var token))
                {
                    found[name] = token;
                    onToken?.Invoke(name, token);
                }
            }

            if (found.Count < executionNames.Count)
            {
                await ReceiveAsync();
            }
        }

        return found.Count == executionNames.Count
            ? found
            : throw new TimeoutException($"Only {found.Count} of {executionNames.Count} executions sent a task token to {Url}.");
    }

    private async Task ReceiveAsync()
    {
        var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = Url, MaxNumberOfMessages = 10, WaitTimeSeconds = 1 });
        foreach (var message in received.Messages ?? [])
        {
            var body = JsonNode.Parse(message.Body)!;
            tokens.GetOrAdd(body["name"]!.GetValue<string>(), _ => new ConcurrentQueue<string>()).Enqueue(body["token"]!.GetValue<string>());
            await sqs.DeleteMessageAsync(Url, message.ReceiptHandle);
        }
    }
}
