using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace StepFunctionsCqrs.LocalCloud.Sqs;

/// <summary>The SQS operations: request validation and queue semantics over the durable store.</summary>
internal sealed partial class SqsOperations(SqsStore store, QueueArrivals arrivals, QueueAddress address, TimeProvider time)
{
    private const long PurgeIntervalMs = 60_000;

    private static readonly string[] SystemAttributeNames =
        ["SenderId", "SentTimestamp", "ApproximateReceiveCount", "ApproximateFirstReceiveTimestamp", "AWSTraceHeader"];

    private static readonly string[] ComputedQueueAttributeNames =
    [
        "QueueArn", "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed",
        "CreatedTimestamp", "LastModifiedTimestamp",
    ];

    private static readonly string[] KnownQueueAttributeNames =
    [
        .. ComputedQueueAttributeNames, .. QueueAttributes.Defaults.Keys, QueueAttributes.RedrivePolicy,
        "Policy", "RedriveAllowPolicy", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled",
    ];

    public async Task<QueueUrlResponse> CreateQueueAsync(CreateQueueRequest request, SqsCaller caller, CancellationToken ct)
    {
        var name = ValidQueueName(request.QueueName);
        var deadLetterTargetExists = await WithCheckedRedriveTarget(request.Attributes, ct);
        var attributes = QueueAttributes.Merge(QueueAttributes.Defaults, request.Attributes, address.Arn(name), deadLetterTargetExists);
        var existing = await store.FindQueueAsync(name, ct);
        if (existing is not null)
        {
            // Creating an existing queue is idempotent unless a requested attribute differs from the queue's.
            var differing = (request.Attributes ?? []).Keys.FirstOrDefault(
                k => attributes.GetValueOrDefault(k) != existing.Attributes.GetValueOrDefault(k));
            if (differing is not null)
            {
                throw new SqsError(SqsErrorCodes.QueueNameExists,
                    $"A queue already exists with the same name and a different value for attribute {differing}.");
            }

            return new QueueUrlResponse(address.Url(caller.BaseUrl, name));
        }

        await store.CreateQueueAsync(name, attributes, request.Tags ?? [], NowMs(), ct);
        return new QueueUrlResponse(address.Url(caller.BaseUrl, name));
    }

    public async Task<QueueUrlResponse> GetQueueUrlAsync(GetQueueUrlRequest request, SqsCaller caller, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.QueueName))
        {
            throw SqsError.Missing("QueueName");
        }

        var queue = await store.FindQueueAsync(request.QueueName, ct) ?? throw NoQueue();
        return new QueueUrlResponse(address.Url(caller.BaseUrl, queue.Name));
    }

    public async Task<QueueUrlsResponse> ListQueuesAsync(ListQueuesRequest request, SqsCaller caller, CancellationToken ct)
    {
        if (request.MaxResults is { } max and (< 1 or > 1000))
        {
            throw SqsError.InvalidParameter("MaxResults", max, "Must be between 1 and 1000, if provided.");
        }

        if (request.NextToken is not null && request.MaxResults is null)
        {
            throw SqsError.InvalidParameter("NextToken", request.NextToken, "MaxResults is required when NextToken is given.");
        }

        var after = request.NextToken is null ? null : DecodeToken(request.NextToken);
        var limit = request.MaxResults ?? 1000;
        var queues = await store.ListQueuesAsync(request.QueueNamePrefix ?? string.Empty, after, limit + 1, ct);
        var page = queues.Take(limit).ToList();
        var next = request.MaxResults is not null && queues.Count > limit
            ? Base64Url.EncodeToString(Encoding.UTF8.GetBytes(page[^1].Name))
            : null;
        return new QueueUrlsResponse(page.Select(q => address.Url(caller.BaseUrl, q.Name)).ToList(), next);
    }

    public async Task<EmptyResponse> DeleteQueueAsync(QueueRequest request, CancellationToken ct)
    {
        var queue = await Queue(request.QueueUrl, ct);
        await store.DeleteQueueAsync(queue.Name, ct);
        arrivals.Notify(queue.Name);
        return new EmptyResponse();
    }

    public async Task<GetQueueAttributesResponse> GetQueueAttributesAsync(GetQueueAttributesRequest request, CancellationToken ct)
    {
        var queue = await Queue(request.QueueUrl, ct);
        var names = request.AttributeNames ?? [];
        foreach (var unknown in names.Where(n => n != "All" && !KnownQueueAttributeNames.Contains(n)))
        {
            throw new SqsError(SqsErrorCodes.InvalidAttributeName, $"Unknown Attribute {unknown}.");
        }

        var all = names.Contains("All");
        var now = NowMs();
        var counts = await store.CountAsync(queue.Name, now, ct);
        var available = new Dictionary<string, string>(queue.Attributes, StringComparer.Ordinal)
        {
            ["QueueArn"] = address.Arn(queue.Name),
            ["ApproximateNumberOfMessages"] = Text(counts.Visible),
            ["ApproximateNumberOfMessagesNotVisible"] = Text(counts.InFlight),
            ["ApproximateNumberOfMessagesDelayed"] = Text(counts.Delayed),
            ["CreatedTimestamp"] = Text(queue.CreatedMs / 1000),
            ["LastModifiedTimestamp"] = Text(queue.ModifiedMs / 1000),
        };
        available.TryAdd("SqsManagedSseEnabled", "false");
        return new GetQueueAttributesResponse(available
            .Where(a => all || names.Contains(a.Key))
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal));
    }

    public async Task<EmptyResponse> SetQueueAttributesAsync(SetQueueAttributesRequest request, CancellationToken ct)
    {
        var queue = await Queue(request.QueueUrl, ct);
        if (request.Attributes is null || request.Attributes.Count == 0)
        {
            throw SqsError.Missing("Attributes");
        }

        var exists = await WithCheckedRedriveTarget(request.Attributes, ct);
        var merged = QueueAttributes.Merge(queue.Attributes, request.Attributes, address.Arn(queue.Name), exists);
        await store.SetQueueAttributesAsync(queue.Name, merged, NowMs(), ct);
        return new EmptyResponse();
    }

    public async Task<SendMessageResponse> SendMessageAsync(SendMessageRequest request, SqsCaller caller, CancellationToken ct)
    {
        var queue = await Queue(request.QueueUrl, ct);
        var message = NewMessage(queue, request.MessageBody, request.DelaySeconds, request.MessageAttributes, request.MessageSystemAttributes, caller);
        await store.InsertMessagesAsync(queue.Name, [message], ct);
        arrivals.Notify(queue.Name);
        return new SendMessageResponse(
            message.MessageId, message.BodyMd5, SqsMessageMd5.OfAttributes(message.Attributes), SqsMessageMd5.OfAttributes(message.SystemAttributes));
    }

    public async Task<SendMessageBatchResponse> SendMessageBatchAsync(SendMessageBatchRequest request, SqsCaller caller, CancellationToken ct)
    {
        var queue = await Queue(request.QueueUrl, ct);
        MessageValidation.CheckBatchSize(request.Entries, "SendMessageBatchRequestEntry");
        var entries = request.Entries!;
        MessageValidation.CheckBatchIds(entries.Select(e => e.Id));
        var maximumSize = QueueAttributes.Int(queue.Attributes, QueueAttributes.MaximumMessageSize);
        var totalSize = entries.Sum(e => Encoding.UTF8.GetByteCount(e.MessageBody ?? string.Empty));
        if (totalSize > maximumSize)
        {
            throw new SqsError(SqsErrorCodes.BatchRequestTooLong,
                $"Batch requests cannot be longer than {maximumSize} bytes. You have sent {totalSize} bytes.");
        }

        var successful = new List<SendMessageBatchResultEntry>();
        var failed = new List<BatchResultErrorEntry>();
        var accepted = new List<StoredMessage>();
        foreach (var entry in entries)
        {
            try
            {
                var message = NewMessage(queue, entry.MessageBody, entry.DelaySeconds, entry.MessageAttributes, entry.MessageSystemAttributes, caller);
                accepted.Add(message);
                successful.Add(new SendMessageBatchResultEntry(
                    entry.Id!, message.MessageId, message.BodyMd5,
                    SqsMessageMd5.OfAttributes(message.Attributes), SqsMessageMd5.OfAttributes(message.SystemAttributes)));
            }
            catch (SqsError error)
            {
                failed.Add(new BatchResultErrorEntry(entry.Id!, error.SenderFault, error.Code, error.Message));
            }
        }

        await store.InsertMessagesAsync(queue.Name, accepted, ct);
        arrivals.Notify(queue.Name);
        return new SendMessageBatchResponse(successful, failed);
    }

    public async Task<ReceiveMessageResponse> ReceiveMessageAsync(ReceiveMessageRequest request, CancellationToken ct)
    {
        var queue = await Queue(request.QueueUrl, ct);
        var max = request.MaxNumberOfMessages ?? 1;
        if (max is < 1 or > 10)
        {
            throw SqsError.InvalidParameter("MaxNumberOfMessages", max, "Must be between 1 and 10, if provided.");
        }

        if (request.VisibilityTimeout is { } v and (< 0 or > 43_200))
        {
            throw SqsError.InvalidParameter("VisibilityTimeout", v, "Must be between 0 and 43200, if provided.");
        }

        var wait = request.WaitTimeSeconds ?? QueueAttributes.Int(queue.Attributes, QueueAttributes.ReceiveMessageWaitTimeSeconds);
        if (wait is < 0 or > 20)
        {
            throw SqsError.InvalidParameter("WaitTimeSeconds", wait, "Must be >= 0 and <= 20, if provided.");
        }

        var deadline = NowMs() + (wait * 1000L);
        while (true)
        {
            // Taken before looking, so a send between the look and the wait still wakes this receive.
            var arrival = arrivals.Next(queue.Name);
            var messages = await ReceiveOnceAsync(queue, max, request.VisibilityTimeout, ct);
            if (messages.Count > 0)
            {
                return new ReceiveMessageResponse(messages.Select(m => Delivered(m, request)).ToList());
            }

            var now = NowMs();
            if (now >= deadline)
            {
                return new ReceiveMessageResponse([]);
            }

            var nextVisible = await store.NextVisibleAtAsync(queue.Name, now, ct);
            var wakeAt = Math.Min(deadline, nextVisible ?? deadline);
            using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var timer = Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, wakeAt - now)), time, stopWaiting.Token);
            await Task.WhenAny(arrival, timer).ConfigureAwait(false);
            await stopWaiting.CancelAsync().ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            queue = await Queue(request.QueueUrl, ct);
        }
    }

    public async Task<EmptyResponse> DeleteMessageAsync(DeleteMessageRequest request, CancellationToken ct)
    {
        var queue = await Queue(request.QueueUrl, ct);
        var messageId = ReceiptHandle.MessageId(request.ReceiptHandle);
        await store.DeleteMessageAsync(queue.Name, messageId, request.ReceiptHandle!, ct);
        return new EmptyResponse();
    }

    public async Task<BatchResponse> DeleteMessageBatchAsync(DeleteMessageBatchRequest request, CancellationToken ct)
    {
        var queue = await Queue(request.QueueUrl, ct);
        MessageValidation.CheckBatchSize(request.Entries, "DeleteMessageBatchRequestEntry");
        MessageValidation.CheckBatchIds(request.Entries!.Select(e => e.Id));
        var successful = new List<BatchResultEntry>();
        var failed = new List<BatchResultErrorEntry>();
        foreach (var entry in request.Entries!)
        {
            try
            {
                var messageId = ReceiptHandle.MessageId(entry.ReceiptHandle);
                await store.DeleteMessageAsync(queue.Name, messageId, entry.ReceiptHandle!, ct);
                successful.Add(new BatchResultEntry(entry.Id!));
            }
            catch (SqsError error)
            {
                failed.Add(new BatchResultErrorEntry(entry.Id!, error.SenderFault, error.Code, error.Message));
            }
        }

        return new BatchResponse(successful, failed);
    }

    public async Task<EmptyResponse> ChangeMessageVisibilityAsync(ChangeMessageVisibilityRequest request, CancellationToken ct)
    {
        var queue = await Queue(request.QueueUrl, ct);
        await ChangeVisibilityAsync(queue, request.ReceiptHandle, request.VisibilityTimeout, ct);
        return new EmptyResponse();
    }

    public async Task<BatchResponse> ChangeMessageVisibilityBatchAsync(ChangeMessageVisibilityBatchRequest request, CancellationToken ct)
    {
        var queue = await Queue(request.QueueUrl, ct);
        MessageValidation.CheckBatchSize(request.Entries, "ChangeMessageVisibilityBatchRequestEntry");
        MessageValidation.CheckBatchIds(request.Entries!.Select(e => e.Id));
        var successful = new List<BatchResultEntry>();
        var failed = new List<BatchResultErrorEntry>();
        foreach (var entry in request.Entries!)
        {
            try
            {
                await ChangeVisibilityAsync(queue, entry.ReceiptHandle, entry.VisibilityTimeout, ct);
                successful.Add(new BatchResultEntry(entry.Id!));
            }
            catch (SqsError error)
            {
                failed.Add(new BatchResultErrorEntry(entry.Id!, error.SenderFault, error.Code, error.Message));
            }
        }

        return new BatchResponse(successful, failed);
    }

    public async Task<EmptyResponse> PurgeQueueAsync(QueueRequest request, CancellationToken ct)
    {
        var queue = await Queue(request.QueueUrl, ct);
        if (!await store.PurgeAsync(queue.Name, NowMs(), PurgeIntervalMs, ct))
        {
            throw new SqsError(SqsErrorCodes.PurgeQueueInProgress,
                $"Only one PurgeQueue operation on {queue.Name} is allowed every 60 seconds.");
        }

        return new EmptyResponse();
    }

    public async Task<DeadLetterSourceQueuesResponse> ListDeadLetterSourceQueuesAsync(QueueRequest request, SqsCaller caller, CancellationToken ct)
    {
        var queue = await Queue(request.QueueUrl, ct);
        var arn = address.Arn(queue.Name);
        var sources = await SourcesOf(arn, ct);
        return new DeadLetterSourceQueuesResponse(sources.Select(s => address.Url(caller.BaseUrl, s)).ToList(), null);
    }

    public async Task<StartMessageMoveTaskResponse> StartMessageMoveTaskAsync(StartMessageMoveTaskRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.SourceArn))
        {
            throw SqsError.Missing("SourceArn");
        }

        var source = await QueueByArn(request.SourceArn, "SourceArn", ct);
        if ((await SourcesOf(request.SourceArn, ct)).Count == 0)
        {
            throw SqsError.InvalidParameter("SourceArn", request.SourceArn, "Source queue must be configured as a Dead Letter Queue.");
        }

        string? destination = null;
        if (!string.IsNullOrWhiteSpace(request.DestinationArn))
        {
            destination = (await QueueByArn(request.DestinationArn, "DestinationArn", ct)).Name;
        }

        var existing = new HashSet<string>(
            (await store.ListQueuesAsync(string.Empty, null, int.MaxValue, ct)).Select(q => q.Name), StringComparer.Ordinal);
        var handle = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{request.SourceArn}|{Guid.NewGuid():N}"));
        var touched = new HashSet<string>(StringComparer.Ordinal);
        await store.MoveMessagesAsync(
            source.Name,
            origin =>
            {
                var target = destination ?? (origin is null ? null : address.NameFromArn(origin));
                if (target is null || !existing.Contains(target))
                {
                    return null;
                }

                touched.Add(target);
                return target;
            },
            handle,
            request.SourceArn,
            request.DestinationArn,
            NowMs(),
            ct);
        foreach (var queue in touched)
        {
            arrivals.Notify(queue);
        }

        return new StartMessageMoveTaskResponse(handle);
    }

    public async Task<ListMessageMoveTasksResponse> ListMessageMoveTasksAsync(ListMessageMoveTasksRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.SourceArn))
        {
            throw SqsError.Missing("SourceArn");
        }

        if (request.MaxResults is { } max and (< 1 or > 10))
        {
            throw SqsError.InvalidParameter("MaxResults", max, "Must be between 1 and 10, if provided.");
        }

        await QueueByArn(request.SourceArn, "SourceArn", ct);
        return new ListMessageMoveTasksResponse([.. await store.ListMoveTasksAsync(request.SourceArn, request.MaxResults ?? 1, ct)]);
    }

    private async Task<IReadOnlyList<StoredMessage>> ReceiveOnceAsync(QueueRecord queue, int max, int? visibilityTimeout, CancellationToken ct)
    {
        RedriveTarget? redrive = null;
        if (queue.Attributes.TryGetValue(QueueAttributes.RedrivePolicy, out var policyJson))
        {
            var policy = RedrivePolicy.Parse(policyJson);
            var dlq = address.NameFromArn(policy.DeadLetterTargetArn);
            if (dlq is not null && await store.FindQueueAsync(dlq, ct) is not null)
            {
                redrive = new RedriveTarget(dlq, policy.MaxReceiveCount, address.Arn(queue.Name));
            }
        }

        var visibility = visibilityTimeout ?? QueueAttributes.Int(queue.Attributes, QueueAttributes.VisibilityTimeout);
        var retention = QueueAttributes.Int(queue.Attributes, QueueAttributes.MessageRetentionPeriod);
        var messages = await store.ReceiveAsync(
            queue.Name, max, visibility * 1000L, NowMs(), retention * 1000L, redrive, ReceiptHandle.New, ct);
        if (redrive is not null)
        {
            arrivals.Notify(redrive.DeadLetterQueueName);
        }

        return messages;
    }

    private async Task ChangeVisibilityAsync(QueueRecord queue, string? receiptHandle, int? visibilityTimeout, CancellationToken ct)
    {
        var messageId = ReceiptHandle.MessageId(receiptHandle);
        if (visibilityTimeout is null)
        {
            throw SqsError.Missing("VisibilityTimeout");
        }

        if (visibilityTimeout is < 0 or > 43_200)
        {
            throw SqsError.InvalidParameter("VisibilityTimeout", visibilityTimeout, "Must be between 0 and 43200.");
        }

        var now = NowMs();
        var outcome = await store.ChangeVisibilityAsync(queue.Name, messageId, receiptHandle!, now + (visibilityTimeout.Value * 1000L), now, ct);
        switch (outcome)
        {
            case VisibilityChange.NotInFlight:
                throw new SqsError(SqsErrorCodes.MessageNotInflight, $"Message {messageId} is not in flight, so its visibility cannot change.");
            case VisibilityChange.NoSuchReceipt:
                throw SqsError.InvalidParameter("ReceiptHandle", receiptHandle,
                    "Message does not exist or is not available for visibility timeout change.");
            case VisibilityChange.Changed when visibilityTimeout == 0:
                arrivals.Notify(queue.Name);
                break;
        }
    }

    private StoredMessage NewMessage(
        QueueRecord queue,
        string? body,
        int? delaySeconds,
        Dictionary<string, MessageAttributeValue>? attributes,
        Dictionary<string, MessageAttributeValue>? systemAttributes,
        SqsCaller caller)
    {
        MessageValidation.Check(body, attributes, QueueAttributes.Int(queue.Attributes, QueueAttributes.MaximumMessageSize));
        MessageValidation.CheckSystemAttributes(systemAttributes);
        var delay = delaySeconds ?? QueueAttributes.Int(queue.Attributes, QueueAttributes.DelaySeconds);
        if (delay is < 0 or > 900)
        {
            throw SqsError.InvalidParameter("DelaySeconds", delay, "Must be >= 0 and <= 900.");
        }

        var now = NowMs();
        return new StoredMessage(
            Guid.NewGuid().ToString(), body!, SqsMessageMd5.OfBody(body!),
            attributes is { Count: > 0 } ? attributes : null,
            systemAttributes is { Count: > 0 } ? systemAttributes : null,
            caller.SenderId, now, now + (delay * 1000L), 0, null, null);
    }

    private static ReceivedMessage Delivered(StoredMessage message, ReceiveMessageRequest request)
    {
        var wanted = (request.AttributeNames ?? []).Concat(request.MessageSystemAttributeNames ?? []).ToHashSet(StringComparer.Ordinal);
        var system = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SenderId"] = message.SenderId,
            ["SentTimestamp"] = Text(message.SentMs),
            ["ApproximateReceiveCount"] = Text(message.ReceiveCount),
            ["ApproximateFirstReceiveTimestamp"] = Text(message.FirstReceiveMs ?? message.SentMs),
        };
        if (message.SystemAttributes?.GetValueOrDefault("AWSTraceHeader")?.StringValue is { } trace)
        {
            system["AWSTraceHeader"] = trace;
        }

        var attributes = system.Where(a => wanted.Contains("All") || wanted.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value);
        var names = request.MessageAttributeNames ?? [];
        var messageAttributes = (message.Attributes ?? new Dictionary<string, MessageAttributeValue>())
            .Where(a => names.Any(n => MatchesAttributeName(n, a.Key)))
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        return new ReceivedMessage(
            message.MessageId,
            message.Receipt!,
            message.BodyMd5,
            message.Body,
            attributes.Count > 0 ? attributes : null,
            SqsMessageMd5.OfAttributes(messageAttributes),
            messageAttributes.Count > 0 ? messageAttributes : null);
    }

    private static bool MatchesAttributeName(string requested, string name) =>
        requested is "All" or ".*"
        || requested == name
        || (requested.EndsWith(".*", StringComparison.Ordinal) && name.StartsWith(requested[..^1], StringComparison.Ordinal));

    private async Task<Func<string, bool>> WithCheckedRedriveTarget(IReadOnlyDictionary<string, string>? attributes, CancellationToken ct)
    {
        if (attributes?.GetValueOrDefault(QueueAttributes.RedrivePolicy) is not { Length: > 0 } json)
        {
            return _ => false;
        }

        var target = RedrivePolicy.Parse(json).DeadLetterTargetArn;
        var name = address.NameFromArn(target);
        var exists = name is not null && await store.FindQueueAsync(name, ct) is not null;
        return arn => exists && arn == target;
    }

    private async Task<List<string>> SourcesOf(string deadLetterArn, CancellationToken ct) =>
        (await store.ListQueuesAsync(string.Empty, null, int.MaxValue, ct))
            .Where(q => q.Attributes.TryGetValue(QueueAttributes.RedrivePolicy, out var p) && RedrivePolicy.Parse(p).DeadLetterTargetArn == deadLetterArn)
            .Select(q => q.Name)
            .ToList();

    private async Task<QueueRecord> Queue(string? queueUrl, CancellationToken ct) =>
        await store.FindQueueAsync(QueueAddress.NameFromUrl(queueUrl), ct) ?? throw NoQueue();

    private async Task<QueueRecord> QueueByArn(string arn, string parameter, CancellationToken ct)
    {
        var name = address.NameFromArn(arn);
        return (name is null ? null : await store.FindQueueAsync(name, ct))
            ?? throw new SqsError(SqsErrorCodes.ResourceNotFound, $"The resource that you specified for the {parameter} parameter doesn't exist: {arn}.");
    }

    private static string ValidQueueName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw SqsError.Missing("QueueName");
        }

        if (name.EndsWith(".fifo", StringComparison.Ordinal))
        {
            throw SqsError.InvalidParameter("QueueName", name, "FIFO queues are not offered by the local cloud; use a standard queue.");
        }

        if (!QueueNamePattern().IsMatch(name))
        {
            throw SqsError.InvalidParameter("QueueName", name,
                "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length.");
        }

        return name;
    }

    private static string DecodeToken(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw SqsError.InvalidParameter("NextToken", token, "Invalid or expired next token.");
        }
    }

    private static SqsError NoQueue() =>
        new(SqsErrorCodes.QueueDoesNotExist, "The specified queue does not exist.");

    private long NowMs() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}$")]
    private static partial Regex QueueNamePattern();
}
