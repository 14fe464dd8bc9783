using StepFunctionsCqrs.Functions.Commands;
using StepFunctionsCqrs.Functions.Metrics;
using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;

namespace StepFunctionsCqrs.Infra.Monitoring;

/// <summary>
/// Alarms for what should never happen quietly: dead letters, commands waiting, failed, timed-out or throttled executions,
/// function errors and throttles, throttled tables and API server errors. Every alarm notifies one SNS topic when it fires
/// and when it clears.
/// </summary>
public sealed class AlarmsConstruct : Construct
{
    private readonly List<Alarm> _alarms = [];

    /// <summary>Creates the topic and the alarms.</summary>
    public AlarmsConstruct(Construct scope, string id, AlarmsProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        props.Validate();

        if (props.Notify)
        {
            Topic = new Topic(this, "Topic", new TopicProps
            {
                DisplayName = "StepFunctionsCqrs alarms",
                EnforceSSL = true,
            });
            if (props.AlarmEmail is { } email)
            {
                Topic.AddSubscription(new EmailSubscription(email));
            }
        }

        var period = Duration.Minutes(1);
        MetricOptions Sum() => new() { Period = period, Statistic = "Sum" };

        Add("DeadLetterQueueNotEmpty", "Commands reached the dead-letter queue; inspect and redrive them.",
            props.DeadLetterQueue.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Period = period, Statistic = "Maximum" }));
        if (props.CommandsQueue is { } commands)
        {
            Add("OldestCommandWaiting", $"A command has waited over {props.OldestCommandAgeSeconds} s in the queue: dispatch is stalled or capped.",
                commands.MetricApproximateAgeOfOldestMessage(new MetricOptions { Period = period, Statistic = "Maximum" }),
                threshold: props.OldestCommandAgeSeconds);
        }

        // Every unexpected handler error ends an execution in the Failed state (its catch records the status, then fails),
        // so this is the alarm for real failures of any task, Persist's included.
        Add("ExecutionsFailed", "Command pipeline executions failed: a handler threw an unexpected error or a status could not be recorded.",
            props.StateMachine.MetricFailed(Sum()));
        Add("ExecutionsTimedOut", "Command pipeline executions timed out.", props.StateMachine.MetricTimedOut(Sum()));
        Add("ExecutionsThrottled", "Step Functions throttled the command pipeline; dispatch retries, but commands are delayed.",
            props.StateMachine.Metric("ExecutionThrottled", Sum()));

        // The handlers' own count of final statuses, from their embedded metric format lines: a client read Failed.
        var types = CommandTypes.SchemaVersions.Keys.Order(StringComparer.Ordinal).Append(PipelineMetrics.UnknownCommandType).Select((t, i) => (Id: $"f{i}", Type: t)).ToList();
        Add("CommandsFailed", "Commands ended with the status Failed: their clients were told so; the execution history and the Error log lines say why.",
            new MathExpression(new MathExpressionProps
            {
                Expression = string.Join(" + ", types.Select(t => $"FILL({t.Id}, 0)")),
                UsingMetrics = types.ToDictionary(
                    t => t.Id,
                    t => (IMetric)new Metric(new MetricProps
                    {
                        Namespace = EmbeddedMetricFormat.DefaultNamespace,
                        MetricName = PipelineMetrics.Commands.Name,
                        DimensionsMap = new Dictionary<string, string> { ["command_type"] = t.Type, ["outcome"] = "Failed" },
                        Statistic = "Sum",
                        Period = period,
                    })),
                Label = "Commands with status Failed, all types",
                Period = period,
            }));

        foreach (var function in props.Functions)
        {
            var name = function.Definition.Name;
            if (!props.ErrorsExpected.Contains(name))
            {
                Add($"{name}Errors", $"The {name} function returned errors.", function.Function.MetricErrors(Sum()));
            }

            Add($"{name}Throttles", $"The {name} function was throttled.", function.Function.MetricThrottles(Sum()));
        }

        if (props.Tables.Count > 0)
        {
            // One alarm over all tables: a throttled table shows in the sum, and the alarm names where to look.
            var perTable = props.Tables.OrderBy(t => t.Key, StringComparer.Ordinal).Select((t, i) => (Id: $"t{i}", t.Key, t.Value)).ToList();
            Add("TablesThrottled", $"DynamoDB throttled requests on {string.Join(", ", perTable.Select(t => t.Key))}.",
                new MathExpression(new MathExpressionProps
                {
                    Expression = string.Join(" + ", perTable.Select(t => $"FILL({t.Id}, 0)")),
                    UsingMetrics = perTable.ToDictionary(
                        t => t.Id,
                        t => (IMetric)new Metric(new MetricProps
                        {
                            Namespace = "AWS/DynamoDB",
                            MetricName = "ThrottledRequests",
                            DimensionsMap = new Dictionary<string, string> { ["TableName"] = t.Value.TableName },
                            Statistic = "Sum",
                            Period = period,
                        })),
                    Label = "Throttled requests, all tables",
                    Period = period,
                }));
        }

        if (props.HttpApi is { } api)
        {
            Add("ApiServerErrors", "The HTTP API answered with 5xx errors: an integration failed (queue, role or query function).",
                api.MetricServerError(Sum()));
        }
    }

    /// <summary>Where every alarm sends its ALARM and OK notifications; null when notifications are off.</summary>
    public Topic? Topic { get; }

    /// <summary>Every alarm created.</summary>
    public IReadOnlyList<Alarm> Alarms => _alarms;

    private void Add(string id, string description, IMetric metric, double threshold = 1)
    {
        var alarm = new Alarm(this, id, new AlarmProps
        {
            AlarmDescription = description,
            Metric = metric,
            Threshold = threshold,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            EvaluationPeriods = 1,
            // No data means nothing happened, which is the healthy case for every metric here.
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        if (Topic is not null)
        {
            alarm.AddAlarmAction(new SnsAction(Topic));
            alarm.AddOkAction(new SnsAction(Topic));
        }

        _alarms.Add(alarm);
    }
}
