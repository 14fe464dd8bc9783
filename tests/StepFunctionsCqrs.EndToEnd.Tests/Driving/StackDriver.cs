using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Spectre.Console;
using StepFunctionsCqrs.Cli;
using StepFunctionsCqrs.Functions.DeadLetters;
using StepFunctionsCqrs.Cli.Queries;
using StepFunctionsCqrs.Cli.Status;
using StepFunctionsCqrs.Cli.Submitting;
using StepFunctionsCqrs.EndToEnd.Tests.Targets;
using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.EndToEnd.Tests.Driving;

/// <summary>Drives a target as a client would: SendMessage in; status, views, history and the DLQ out. Built from the CLI's own classes.</summary>
public sealed class StackDriver : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly CliContext context;
    private readonly string queueUrl;

    private StackDriver(ITarget target, CliContext context, string queueUrl)
    {
        Target = target;
        this.context = context;
        this.queueUrl = queueUrl;
        Submitter = new CommandSubmitter(context.Clients.Sqs, queueUrl, context.SqsEndpoint);
        Poller = new StatusBatchPoller(context.Clients.DynamoDb, context.Settings.Tables.CommandStatus, context.DynamoDbEndpoint);
    }

    /// <summary>The stack driven.</summary>
    public ITarget Target { get; }

    /// <summary>Builds envelopes.</summary>
    public CommandEnvelopeBuilder Envelopes { get; } = new(TimeProvider.System);

    /// <summary>Sends to the commands queue.</summary>
    public CommandSubmitter Submitter { get; }

    /// <summary>Reads outcomes in bulk.</summary>
    public StatusBatchPoller Poller { get; }

    /// <summary>The resolved settings.</summary>
    public CliContext Context => context;

    /// <summary>The commands queue URL.</summary>
    public string QueueUrl => queueUrl;

    /// <summary>Connects to the target with the settings a CLI user would have.</summary>
    public static async Task<StackDriver> ConnectAsync(ITarget target)
    {
        var runtime = new CliRuntime(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }), TextWriter.Null,
            name => target.Environment.GetValueOrDefault(name), Path.GetTempPath(), TimeProvider.System);
        var context = runtime.Open(null);
        var queueUrl = await context.QueueUrlAsync(context.Settings.CommandsQueue, CancellationToken.None);
        return new StackDriver(target, context, queueUrl);
    }

    /// <summary>Sends envelopes concurrently; returns their command ids in order.</summary>
    public async Task<IReadOnlyList<string>> SubmitAllAsync(IReadOnlyList<JsonObject> envelopes, int concurrency = 16)
    {
        var ids = envelopes.Select(e => e["commandId"]!.GetValue<string>()).ToList();
        var bodies = envelopes.Select(e => e.ToJsonString()).ToList();
        await SendAllAsync(bodies, concurrency);
        return ids;
    }

    /// <summary>Sends raw bodies concurrently; returns their SQS message ids in order.</summary>
    public async Task<IReadOnlyList<string>> SendAllAsync(IReadOnlyList<string> bodies, int concurrency = 16)
    {
        var messageIds = new string[bodies.Count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                messageIds[i] = await Submitter.SendRawAsync(bodies[i], CancellationToken.None);
            }
        }));
        return messageIds;
    }

    /// <summary>Sends a body signed with other credentials, so SQS stamps another SenderId.</summary>
    public async Task<string> SendAsStrangerAsync(string body)
    {
        var (keyId, secret) = Target.StrangerCredentials;
        using var sqs = new AmazonSQSClient(new BasicAWSCredentials(keyId, secret), new AmazonSQSConfig
        {
            ServiceURL = context.Settings.SqsEndpoint!.ToString(),
            AuthenticationRegion = context.Settings.Region,
        });
        var response = await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = queueUrl, MessageBody = body });
        return response.MessageId;
    }

    /// <summary>Sends a body under a known key with a guessed secret; returns the error the target refused it with.</summary>
    public async Task<string> SendForgedAsync(string body)
    {
        var (keyId, secret) = Target.ForgedCredentials ?? throw new InvalidOperationException($"The {Target.Name} checks no signatures.");
        using var sqs = new AmazonSQSClient(new BasicAWSCredentials(keyId, secret), new AmazonSQSConfig
        {
            ServiceURL = context.Settings.SqsEndpoint!.ToString(),
            AuthenticationRegion = context.Settings.Region,
            MaxErrorRetry = 0,
        });
        var refused = await Assert.ThrowsAsync<AmazonSQSException>(() => sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = queueUrl, MessageBody = body }));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        return refused.ErrorCode;
    }

    /// <summary>Sends a SendMessage with no signature at all; returns the HTTP status and body the target answered.</summary>
    public async Task<(int Status, string Body)> SendUnsignedAsync(string body)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, context.Settings.SqsEndpoint)
        {
            Content = new StringContent(new JsonObject { ["QueueUrl"] = queueUrl, ["MessageBody"] = body }.ToJsonString()),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.0");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AmazonSQS.SendMessage");
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Waits until every command has an outcome; fails naming the ones without.</summary>
    public async Task<IReadOnlyDictionary<string, string>> WaitForOutcomesAsync(IReadOnlyCollection<string> commandIds, TimeSpan timeout)
    {
        var outcomes = await Poller.WaitForAllAsync(commandIds, timeout, PollInterval, TimeProvider.System, null, CancellationToken.None);
        var missing = commandIds.Where(id => !outcomes.ContainsKey(id)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {commandIds.Count} commands have no outcome after {timeout}: {string.Join(", ", missing.Take(10))}");
        return outcomes;
    }

    /// <summary>The full status record of a command.</summary>
    public async Task<CommandStatusRecord> StatusAsync(string commandId)
    {
        var report = await new CommandStatusReader(context.ReadApi(), TimeProvider.System).ReadAsync(commandId, CancellationToken.None);
        return report.Record ?? throw new InvalidOperationException($"No outcome recorded for {commandId}.");
    }

    /// <summary>Asks the read API.</summary>
    public Task<ReadApiAnswer> ReadAsync((string Path, IReadOnlyDictionary<string, string> Query) route) =>
        context.ReadApi().GetAsync(route.Path, route.Query, CancellationToken.None);

    /// <summary>The dead-letter queue's messages, left in place.</summary>
    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync()
    {
        var url = await context.QueueUrlAsync(context.Settings.DeadLetterQueue, CancellationToken.None);
        return await new DeadLetterQueue(context.Clients.Sqs, url, context.Clients.StepFunctions, context.Settings.StateMachineArn).ListAsync(1000, CancellationToken.None);
    }

    /// <summary>Sets the commands queue's visibility timeout, which paces redeliveries and dead-lettering.</summary>
    public Task SetVisibilityTimeoutAsync(int seconds) =>
        context.Clients.Sqs.SetQueueAttributesAsync(queueUrl, new Dictionary<string, string> { ["VisibilityTimeout"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>The queue's visibility timeout now.</summary>
    public async Task<int> VisibilityTimeoutAsync()
    {
        var attributes = await context.Clients.Sqs.GetQueueAttributesAsync(queueUrl, ["VisibilityTimeout"]);
        return attributes.VisibilityTimeout;
    }

    /// <summary>Every commit-log item of an aggregate: (version, commandId).</summary>
    public async Task<IReadOnlyList<(long Version, string CommandId)>> CommitsOfAsync(string aggregateId)
    {
        var commits = new List<(long, string)>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await context.Clients.DynamoDb.QueryAsync(new QueryRequest
            {
                TableName = context.Settings.Tables.CommitLog,
                KeyConditionExpression = "AggregateId = :id",
                ExpressionAttributeValues = new() { [":id"] = new AttributeValue { S = aggregateId } },
                ConsistentRead = true,
                ExclusiveStartKey = start,
            });
            commits.AddRange(page.Items.Select(i => (long.Parse(i["Version"].N, System.Globalization.CultureInfo.InvariantCulture), i["CommandId"].S)));
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        return commits;
    }

    /// <summary>The names of every execution of the state machine, one entry per execution.</summary>
    public async Task<IReadOnlyList<string>> ExecutionNamesAsync()
    {
        var names = new List<string>();
        string? token = null;
        do
        {
            var page = await context.Clients.StepFunctions.ListExecutionsAsync(new StepFunctionsCqrs.Functions.StepFunctions.Model.ListExecutionsRequest
            {
                StateMachineArn = context.Settings.StateMachineArn,
                MaxResults = 1000,
                NextToken = token,
            });
            names.AddRange(page.Executions.Select(e => e.Name));
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        return names;
    }

    /// <summary>The timeline of a command's execution.</summary>
    public async Task<StepFunctionsCqrs.Cli.Tracing.ExecutionTimeline> TimelineAsync(string commandId)
    {
        var (_, timeline) = await new StepFunctionsCqrs.Cli.Tracing.ExecutionTracer(context.Clients.StepFunctions, context.Settings.StateMachineArn, context.StepFunctionsEndpoint)
            .TraceAsync(commandId, CancellationToken.None);
        return timeline;
    }

    /// <summary>Runs a cqrs command line against the target, capturing its output.</summary>
    public async Task<(int ExitCode, string Console, string Output)> CliAsync(params string[] args)
    {
        var console = new StringWriter();
        var output = new StringWriter();
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(console),
        });
        ansi.Profile.Width = 400;
        var runtime = new CliRuntime(ansi, output, name => Target.Environment.GetValueOrDefault(name), Path.GetTempPath(), TimeProvider.System);
        var code = await CliApp.RunAsync(runtime, args);
        return (code, console.ToString(), output.ToString());
    }

    /// <inheritdoc />
    public void Dispose() => context.Dispose();
}
