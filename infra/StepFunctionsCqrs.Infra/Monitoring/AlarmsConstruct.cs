using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Constructs;

namespace StepFunctionsCqrs.Infra.Monitoring;

/// <summary>Alarms for what should never happen quietly: dead letters, failed or timed-out executions, function errors and throttles.</summary>
public sealed class AlarmsConstruct : Construct
{
    private readonly List<Alarm> _alarms = [];

    /// <summary>Creates the alarms.</summary>
    public AlarmsConstruct(Construct scope, string id, AlarmsProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        props.Validate();

        var period = Duration.Minutes(1);

        Add("DeadLetterQueueNotEmpty", "Commands reached the dead-letter queue; inspect and redrive them.",
            props.DeadLetterQueue.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Period = period, Statistic = "Maximum" }));
        Add("ExecutionsFailed", "Command pipeline executions failed: a handler threw an unexpected error.",
            props.StateMachine.MetricFailed(new MetricOptions { Period = period, Statistic = "Sum" }));
        Add("ExecutionsTimedOut", "Command pipeline executions timed out.",
            props.StateMachine.MetricTimedOut(new MetricOptions { Period = period, Statistic = "Sum" }));

        foreach (var function in props.Functions)
        {
            var name = function.Definition.Name;
            Add($"{name}Errors", $"The {name} function returned errors.",
                function.Function.MetricErrors(new MetricOptions { Period = period, Statistic = "Sum" }));
            Add($"{name}Throttles", $"The {name} function was throttled.",
                function.Function.MetricThrottles(new MetricOptions { Period = period, Statistic = "Sum" }));
        }
    }

    /// <summary>Every alarm created.</summary>
    public IReadOnlyList<Alarm> Alarms => _alarms;

    private void Add(string id, string description, IMetric metric) =>
        _alarms.Add(new Alarm(this, id, new AlarmProps
        {
            AlarmDescription = description,
            Metric = metric,
            Threshold = 1,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            EvaluationPeriods = 1,
            // No data means nothing happened, which is the healthy case for every metric here.
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        }));
}
