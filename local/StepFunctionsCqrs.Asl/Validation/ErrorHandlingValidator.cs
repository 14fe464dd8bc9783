using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;

namespace StepFunctionsCqrs.Asl.Validation;

/// <summary>Checks Retry and Catch arrays: shapes, ranges, and the rule that States.ALL stands alone in the last entry.</summary>
internal sealed class ErrorHandlingValidator(FieldChecks checks)
{
    private static readonly HashSet<string> RetrierFields = ["ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment"];
    private static readonly HashSet<string> CatcherFields = ["ErrorEquals", "Next", "ResultPath", "Assign", "Comment"];
    private static readonly HashSet<string> KnownStatesErrors =
    [
        ErrorNames.All, ErrorNames.HeartbeatTimeout, ErrorNames.Timeout, ErrorNames.TaskFailed, ErrorNames.Permissions,
        ErrorNames.ResultPathMatchFailure, ErrorNames.ParameterPathFailure, ErrorNames.QueryEvaluationError, ErrorNames.BranchFailed,
        ErrorNames.NoChoiceMatched, ErrorNames.IntrinsicFailure, ErrorNames.ExceedToleratedFailureThreshold, ErrorNames.ItemReaderFailed,
        ErrorNames.ResultWriterFailed, ErrorNames.DataLimitExceeded, ErrorNames.Runtime, "States.Http.Socket",
    ];

    private DiagnosticBag Bag => checks.Bag;

    public void Retry(JsonObject state, string location)
    {
        if (!state.TryGetPropertyValue("Retry", out var value)) return;
        var at = DiagnosticBag.At(location, "Retry");
        if (value is not JsonArray retriers)
        {
            Bag.Schema(at, $"The field 'Retry' must be an array of retriers, but was {FieldChecks.Kind(value)}.");
            return;
        }
        for (var i = 0; i < retriers.Count; i++)
        {
            var retrierAt = DiagnosticBag.At(at, i);
            if (retriers[i] is not JsonObject retrier)
            {
                Bag.Schema(retrierAt, $"A retrier must be an object, but was {FieldChecks.Kind(retriers[i])}.");
                continue;
            }
            UnknownFields(retrier, RetrierFields, retrierAt, "retrier");
            ErrorEquals(retrier, retrierAt, i == retriers.Count - 1, "retrier");
            checks.Integer(retrier, "IntervalSeconds", retrierAt, 1);
            checks.Integer(retrier, "MaxAttempts", retrierAt, 0);
            checks.Number(retrier, "BackoffRate", retrierAt, 1.0);
            checks.Integer(retrier, "MaxDelaySeconds", retrierAt, 1);
            var jitter = checks.String(retrier, "JitterStrategy", retrierAt);
            if (jitter is not null and not ("FULL" or "NONE"))
            {
                Bag.Schema(DiagnosticBag.At(retrierAt, "JitterStrategy"), $"JitterStrategy must be \"FULL\" or \"NONE\", but was \"{jitter}\".");
            }
        }
    }

    /// <summary>Checks Catch and returns the Next targets it names.</summary>
    public IEnumerable<(string Next, string Location)> Catch(JsonObject state, string location)
    {
        if (!state.TryGetPropertyValue("Catch", out var value)) yield break;
        var at = DiagnosticBag.At(location, "Catch");
        if (value is not JsonArray catchers)
        {
            Bag.Schema(at, $"The field 'Catch' must be an array of catchers, but was {FieldChecks.Kind(value)}.");
            yield break;
        }
        for (var i = 0; i < catchers.Count; i++)
        {
            var catcherAt = DiagnosticBag.At(at, i);
            if (catchers[i] is not JsonObject catcher)
            {
                Bag.Schema(catcherAt, $"A catcher must be an object, but was {FieldChecks.Kind(catchers[i])}.");
                continue;
            }
            UnknownFields(catcher, CatcherFields, catcherAt, "catcher");
            ErrorEquals(catcher, catcherAt, i == catchers.Count - 1, "catcher");
            checks.Path(catcher, "ResultPath", catcherAt, allowNull: true, reference: true, inputOnly: true);
            checks.Assign(catcher, catcherAt);
            var next = checks.String(catcher, "Next", catcherAt, required: true);
            if (next is not null) yield return (next, DiagnosticBag.At(catcherAt, "Next"));
        }
    }

    private void ErrorEquals(JsonObject entry, string at, bool isLast, string what)
    {
        if (!entry.TryGetPropertyValue("ErrorEquals", out var value))
        {
            Bag.Schema(at, $"A {what} needs 'ErrorEquals'.");
            return;
        }
        var errorsAt = DiagnosticBag.At(at, "ErrorEquals");
        if (value is not JsonArray errors || errors.Count == 0)
        {
            Bag.Schema(errorsAt, "'ErrorEquals' must be a non-empty array of error names.");
            return;
        }
        var names = new List<string>();
        for (var i = 0; i < errors.Count; i++)
        {
            if (errors[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                var name = v.GetValue<string>();
                names.Add(name);
                if (name.StartsWith("States.", StringComparison.Ordinal) && !KnownStatesErrors.Contains(name))
                {
                    Bag.Schema(DiagnosticBag.At(errorsAt, i), $"'{name}' is not a predefined error name; names starting with 'States.' are reserved.");
                }
            }
            else
            {
                Bag.Schema(DiagnosticBag.At(errorsAt, i), $"An error name must be a string, but was {FieldChecks.Kind(errors[i])}.");
            }
        }
        if (names.Contains(ErrorNames.All))
        {
            if (names.Count > 1) Bag.Schema(errorsAt, $"'{ErrorNames.All}' must appear alone in 'ErrorEquals'.");
            if (!isLast) Bag.Schema(errorsAt, $"A {what} with '{ErrorNames.All}' must be the last one.");
        }
    }

    private void UnknownFields(JsonObject entry, HashSet<string> allowed, string at, string what)
    {
        foreach (var (key, _) in entry)
        {
            if (!allowed.Contains(key)) Bag.Schema(DiagnosticBag.At(at, key), $"'{key}' is not a field of a {what}.");
        }
    }
}
