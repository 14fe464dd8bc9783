using System.Globalization;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Execution;
using StepFunctionsCqrs.Asl.Paths;
using StepFunctionsCqrs.Asl.Internal;

namespace StepFunctionsCqrs.Asl.States.Wait;

/// <summary>Wait: delays for Seconds/SecondsPath or until Timestamp/TimestampPath, then passes its input on.</summary>
public sealed class WaitState : State
{
    private readonly int? _seconds;
    private readonly DateTimeOffset? _timestamp;
    private readonly JsonPath? _secondsPath;
    private readonly JsonPath? _timestampPath;

    /// <summary>Builds the state from its definition.</summary>
    public WaitState(string name, JsonObject definition) : base(name, definition)
    {
        InputPath = InputPathField.From(definition["InputPath"], definition.ContainsKey("InputPath"));
        OutputPath = OutputPathField.From(definition["OutputPath"], definition.ContainsKey("OutputPath"));
        if (definition["Seconds"] is { } seconds) _seconds = (int)seconds.GetValue<double>();
        if (definition["Timestamp"] is { } timestamp) _timestamp = TimestampText.Parse(timestamp.GetValue<string>());
        if (definition["SecondsPath"] is { } secondsPath) _secondsPath = JsonPath.Parse(secondsPath.GetValue<string>());
        if (definition["TimestampPath"] is { } timestampPath) _timestampPath = JsonPath.Parse(timestampPath.GetValue<string>());
    }

    /// <inheritdoc />
    public override string Type => "Wait";

    /// <summary>InputPath.</summary>
    public InputPathField InputPath { get; }

    /// <summary>OutputPath.</summary>
    public OutputPathField OutputPath { get; }

    internal override async ValueTask<StateOutcome> ExecuteAsync(JsonNode? input, BranchScope scope)
    {
        var effective = InputPath.Apply(input, scope);
        scope.Run.Observer?.OnStep(Name, StateStep.AfterInputPath, effective);
        var time = scope.Run.Time;
        var delay = _seconds is { } s ? TimeSpan.FromSeconds(s)
            : _timestamp is { } t ? ToWholeSecond(t) - time.GetUtcNow()
            : _secondsPath is not null ? TimeSpan.FromSeconds(SecondsFrom(effective, scope))
            : ToWholeSecond(TimestampFrom(effective, scope)) - time.GetUtcNow();
        if (scope.Run.Scaled(delay) is var scaled && scaled > TimeSpan.Zero)
        {
            await Task.Delay(scaled, time, scope.Token).ConfigureAwait(false);
        }
        Assign?.Apply(effective, scope);
        return new StateOutcome(OutputPath.Apply(effective, scope), Transition.Next);
    }

    /// <summary>The service considers a wait timestamp only to the second and drops its milliseconds.</summary>
    private static DateTimeOffset ToWholeSecond(DateTimeOffset at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, at.Offset);

    private long SecondsFrom(JsonNode? input, BranchScope scope)
    {
        var value = _secondsPath!.Select(scope.Scope(input, _secondsPath.Text.StartsWith("$$", StringComparison.Ordinal)));
        if (JsonScalar.TryGetNumber(value, out var d) && d >= 0 && d == Math.Floor(d)) return (long)d;
        throw new StatesException(ErrorNames.Runtime,
            $"The SecondsPath '{_secondsPath.Text}' of Wait state '{Name}' must select a non-negative integer, but selected {value?.ToJsonString() ?? "null"}.");
    }

    private DateTimeOffset TimestampFrom(JsonNode? input, BranchScope scope)
    {
        var value = _timestampPath!.Select(scope.Scope(input, _timestampPath.Text.StartsWith("$$", StringComparison.Ordinal)));
        if (JsonScalar.TryGetString(value, out var text) && TimestampText.TryParse(text, out var at)) return at;
        throw new StatesException(ErrorNames.Runtime,
            $"The TimestampPath '{_timestampPath.Text}' of Wait state '{Name}' must select an RFC3339 timestamp such as 2016-03-14T01:59:00Z, but selected {value?.ToJsonString() ?? "null"}.");
    }
}
