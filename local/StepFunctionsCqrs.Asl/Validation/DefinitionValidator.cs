using System.Text.Json;
using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Asl.Validation;

/// <summary>The validation pass: walks the raw definition and reports every problem with its location.</summary>
internal sealed class DefinitionValidator
{
    private static readonly HashSet<string> RootFields = ["StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage"];
    private static readonly HashSet<string> BranchFields = ["StartAt", "States", "Comment"];
    private static readonly HashSet<string> ProcessorFields = ["StartAt", "States", "Comment", "ProcessorConfig"];

    private readonly DiagnosticBag _bag = new();
    private readonly FieldChecks _checks;
    private readonly ErrorHandlingValidator _errorHandling;
    private readonly ChoiceRuleValidator _choices;
    private readonly Dictionary<string, string> _stateNames = new(StringComparer.Ordinal);

    private DefinitionValidator()
    {
        _checks = new FieldChecks(_bag);
        _errorHandling = new ErrorHandlingValidator(_checks);
        _choices = new ChoiceRuleValidator(_checks);
    }

    public static IReadOnlyList<AslDiagnostic> Validate(string json)
    {
        var validator = new DefinitionValidator();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            validator._bag.Add(DiagnosticCodes.InvalidJson, "", $"The definition is not valid JSON: {e.Message}");
            return validator._bag.Items;
        }
        return Validate(root);
    }

    public static IReadOnlyList<AslDiagnostic> Validate(JsonNode? root)
    {
        var validator = new DefinitionValidator();
        if (root is not JsonObject machine)
        {
            validator._bag.Schema("", $"The definition must be a JSON object, but was {FieldChecks.Kind(root)}.");
            return validator._bag.Items;
        }
        validator.Root(machine);
        return validator._bag.Items;
    }

    private void Root(JsonObject machine)
    {
        var language = _checks.String(machine, "QueryLanguage", "");
        if (language == "JSONata")
        {
            _bag.Add(DiagnosticCodes.UnsupportedQueryLanguage, "/QueryLanguage", "QueryLanguage \"JSONata\" is not supported: this engine runs JSONPath definitions only. Remove QueryLanguage or set it to \"JSONPath\".");
        }
        else if (language is not null and not "JSONPath")
        {
            _bag.Schema("/QueryLanguage", $"QueryLanguage must be \"JSONPath\" or \"JSONata\", but was \"{language}\".");
        }
        _checks.Integer(machine, "TimeoutSeconds", "", 1);
        _checks.String(machine, "Version", "");
        _checks.String(machine, "Comment", "");
        Block(machine, "", RootFields);
    }

    private void Block(JsonObject block, string location, HashSet<string> allowed)
    {
        foreach (var (key, _) in block)
        {
            if (!allowed.Contains(key)) _bag.Schema(DiagnosticBag.At(location, key), $"'{key}' is not a field here; expected one of {string.Join(", ", allowed)}.");
        }
        var startAt = _checks.String(block, "StartAt", location, required: true);
        if (!block.TryGetPropertyValue("States", out var statesNode))
        {
            _bag.Schema(location, "The field 'States' is required.");
            return;
        }
        var statesAt = DiagnosticBag.At(location, "States");
        if (statesNode is not JsonObject states || states.Count == 0)
        {
            _bag.Schema(statesAt, "'States' must be a non-empty object of named states.");
            return;
        }

        var edges = new Dictionary<string, List<(string Next, string Location)>>(StringComparer.Ordinal);
        foreach (var (name, stateNode) in states)
        {
            var stateAt = DiagnosticBag.At(statesAt, name);
            if (_stateNames.TryGetValue(name, out var first))
            {
                _bag.Add(DiagnosticCodes.DuplicateStateName, stateAt, $"The state name '{name}' is already used at {first}; names must be unique across the whole state machine.");
            }
            else
            {
                _stateNames[name] = stateAt;
            }
            if (name.Length is 0 or > 80) _bag.Schema(stateAt, $"State names must be 1 to 80 characters long; '{name}' has {name.Length}.");
            if (stateNode is not JsonObject state)
            {
                _bag.Schema(stateAt, $"A state must be an object, but was {FieldChecks.Kind(stateNode)}.");
                edges[name] = [];
                continue;
            }
            edges[name] = State(name, state, stateAt).ToList();
        }

        if (startAt is not null && !states.ContainsKey(startAt))
        {
            _bag.Add(DiagnosticCodes.MissingTransitionTarget, DiagnosticBag.At(location, "StartAt"), $"StartAt names '{startAt}', which is not a state in this block.");
        }
        foreach (var (_, targets) in edges)
        {
            foreach (var (next, at) in targets)
            {
                if (!states.ContainsKey(next))
                {
                    _bag.Add(DiagnosticCodes.MissingTransitionTarget, at, $"'{next}' is not a state in this block{(_stateNames.ContainsKey(next) ? " (a transition cannot leave its Parallel branch or Map processor)" : "")}.");
                }
            }
        }
        if (startAt is not null && states.ContainsKey(startAt))
        {
            var reached = new HashSet<string>(StringComparer.Ordinal) { startAt };
            var queue = new Queue<string>([startAt]);
            while (queue.TryDequeue(out var current))
            {
                foreach (var (next, _) in edges.GetValueOrDefault(current) ?? [])
                {
                    if (states.ContainsKey(next) && reached.Add(next)) queue.Enqueue(next);
                }
            }
            foreach (var (name, _) in states)
            {
                if (!reached.Contains(name))
                {
                    _bag.Add(DiagnosticCodes.UnreachableState, DiagnosticBag.At(statesAt, name), $"The state '{name}' cannot be reached from '{startAt}'.");
                }
            }
        }
    }

    /// <summary>Checks one state and returns the transitions it makes.</summary>
    private IEnumerable<(string Next, string Location)> State(string name, JsonObject state, string at)
    {
        var transitions = new List<(string, string)>();
        var type = _checks.String(state, "Type", at, required: true);
        if (type is null) return transitions;
        if (!StateFields.ByType.TryGetValue(type, out var allowed))
        {
            _bag.Schema(DiagnosticBag.At(at, "Type"), $"'{type}' is not a state type; expected Pass, Task, Choice, Wait, Succeed, Fail, Parallel or Map.");
            return transitions;
        }
        foreach (var (key, _) in state)
        {
            if (allowed.Contains(key)) continue;
            if (StateFields.JsonataOnly.Contains(key))
            {
                _bag.Add(DiagnosticCodes.UnsupportedQueryLanguage, DiagnosticBag.At(at, key), $"'{key}' is a JSONata field; this engine runs JSONPath definitions only.");
            }
            else
            {
                _bag.Schema(DiagnosticBag.At(at, key), $"'{key}' is not a field of a {type} state.");
            }
        }
        var language = _checks.String(state, "QueryLanguage", at);
        if (language == "JSONata")
        {
            _bag.Add(DiagnosticCodes.UnsupportedQueryLanguage, DiagnosticBag.At(at, "QueryLanguage"), "QueryLanguage \"JSONata\" is not supported: this engine runs JSONPath definitions only.");
        }
        _checks.String(state, "Comment", at);

        // Next/End
        var hasNext = state.ContainsKey("Next");
        var end = _checks.Boolean(state, "End", at);
        if (allowed.Contains("Next"))
        {
            if (hasNext && state.ContainsKey("End")) _bag.Schema(at, $"A {type} state cannot have both 'Next' and 'End'.");
            else if (!hasNext && !end) _bag.Schema(at, $"A {type} state needs 'Next' or \"End\": true.");
            var next = _checks.String(state, "Next", at);
            if (next is not null) transitions.Add((next, DiagnosticBag.At(at, "Next")));
        }

        if (allowed.Contains("InputPath")) _checks.Path(state, "InputPath", at, allowNull: true, reference: false);
        if (allowed.Contains("OutputPath")) _checks.Path(state, "OutputPath", at, allowNull: true, reference: false);
        if (allowed.Contains("ResultPath")) _checks.Path(state, "ResultPath", at, allowNull: true, reference: true, inputOnly: true);
        if (allowed.Contains("Parameters")) _checks.TemplateField(state, "Parameters", at, mustBeObject: type != "Pass");
        if (allowed.Contains("ResultSelector")) _checks.TemplateField(state, "ResultSelector", at, mustBeObject: true);
        if (allowed.Contains("Assign")) _checks.Assign(state, at);
        if (allowed.Contains("Retry")) _errorHandling.Retry(state, at);
        if (allowed.Contains("Catch")) transitions.AddRange(_errorHandling.Catch(state, at));

        switch (type)
        {
            case "Task":
                Task(state, at);
                break;
            case "Choice":
                transitions.AddRange(_choices.Choices(state, at));
                var defaultState = _checks.String(state, "Default", at);
                if (defaultState is not null) transitions.Add((defaultState, DiagnosticBag.At(at, "Default")));
                break;
            case "Wait":
                Wait(state, at);
                break;
            case "Fail":
                Fail(state, at);
                break;
            case "Parallel":
                Parallel(state, at);
                break;
            case "Map":
                Map(state, at);
                break;
        }
        return transitions;
    }

    private void Task(JsonObject state, string at)
    {
        _checks.String(state, "Resource", at, required: true);
        _checks.Exclusive(state, at, "TimeoutSeconds", "TimeoutSecondsPath");
        _checks.Exclusive(state, at, "HeartbeatSeconds", "HeartbeatSecondsPath");
        var timeout = _checks.Integer(state, "TimeoutSeconds", at, 1);
        var heartbeat = _checks.Integer(state, "HeartbeatSeconds", at, 1);
        if (timeout is not null && heartbeat is not null && heartbeat >= timeout)
        {
            _bag.Schema(DiagnosticBag.At(at, "HeartbeatSeconds"), $"HeartbeatSeconds ({heartbeat}) must be smaller than TimeoutSeconds ({timeout}).");
        }
        _checks.Path(state, "TimeoutSecondsPath", at, allowNull: false, reference: true);
        _checks.Path(state, "HeartbeatSecondsPath", at, allowNull: false, reference: true);
    }

    private void Wait(JsonObject state, string at)
    {
        var given = new[] { "Seconds", "Timestamp", "SecondsPath", "TimestampPath" }.Where(state.ContainsKey).ToList();
        if (given.Count != 1)
        {
            _bag.Schema(at, given.Count == 0
                ? "A Wait state needs exactly one of Seconds, Timestamp, SecondsPath or TimestampPath."
                : $"A Wait state takes exactly one of Seconds, Timestamp, SecondsPath or TimestampPath, but has {string.Join(", ", given)}.");
        }
        _checks.Integer(state, "Seconds", at, 0);
        var timestamp = _checks.String(state, "Timestamp", at);
        if (timestamp is not null && !Common.TimestampText.TryParse(timestamp, out _))
        {
            _bag.Schema(DiagnosticBag.At(at, "Timestamp"), $"Timestamp must be RFC3339 such as \"2016-03-14T01:59:00Z\", but was \"{timestamp}\".");
        }
        _checks.Path(state, "SecondsPath", at, allowNull: false, reference: true);
        _checks.Path(state, "TimestampPath", at, allowNull: false, reference: true);
    }

    private void Fail(JsonObject state, string at)
    {
        _checks.Exclusive(state, at, "Error", "ErrorPath");
        _checks.Exclusive(state, at, "Cause", "CausePath");
        _checks.String(state, "Error", at);
        _checks.String(state, "Cause", at);
        foreach (var field in new[] { "ErrorPath", "CausePath" })
        {
            if (state.TryGetPropertyValue(field, out var value)) _checks.Dynamic(value, field, DiagnosticBag.At(at, field));
        }
    }

    private void Parallel(JsonObject state, string at)
    {
        var branchesAt = DiagnosticBag.At(at, "Branches");
        if (!state.TryGetPropertyValue("Branches", out var value))
        {
            _bag.Schema(at, "A Parallel state needs 'Branches'.");
            return;
        }
        if (value is not JsonArray branches || branches.Count == 0)
        {
            _bag.Schema(branchesAt, "'Branches' must be a non-empty array of state machines.");
            return;
        }
        for (var i = 0; i < branches.Count; i++)
        {
            if (branches[i] is JsonObject branch) Block(branch, DiagnosticBag.At(branchesAt, i), BranchFields);
            else _bag.Schema(DiagnosticBag.At(branchesAt, i), $"A branch must be an object with StartAt and States, but was {FieldChecks.Kind(branches[i])}.");
        }
    }

    private void Map(JsonObject state, string at)
    {
        _checks.Exclusive(state, at, "ItemProcessor", "Iterator");
        _checks.Exclusive(state, at, "ItemSelector", "Parameters");
        _checks.Exclusive(state, at, "MaxConcurrency", "MaxConcurrencyPath");
        _checks.Exclusive(state, at, "ToleratedFailureCount", "ToleratedFailureCountPath");
        _checks.Exclusive(state, at, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
        _checks.Path(state, "ItemsPath", at, allowNull: false, reference: true);
        _checks.TemplateField(state, "ItemSelector", at, mustBeObject: true);
        _checks.Integer(state, "MaxConcurrency", at, 0);
        _checks.Path(state, "MaxConcurrencyPath", at, allowNull: false, reference: true);
        _checks.Integer(state, "ToleratedFailureCount", at, 0);
        _checks.Number(state, "ToleratedFailurePercentage", at, 0, 100);
        _checks.Path(state, "ToleratedFailureCountPath", at, allowNull: false, reference: true);
        _checks.Path(state, "ToleratedFailurePercentagePath", at, allowNull: false, reference: true);
        _checks.String(state, "Label", at);

        var processorField = state.ContainsKey("ItemProcessor") ? "ItemProcessor" : "Iterator";
        var mode = "INLINE";
        if (!state.TryGetPropertyValue(processorField, out var processorNode))
        {
            _bag.Schema(at, "A Map state needs 'ItemProcessor' (or the older 'Iterator').");
        }
        else if (processorNode is not JsonObject processor)
        {
            _bag.Schema(DiagnosticBag.At(at, processorField), $"'{processorField}' must be an object with StartAt and States, but was {FieldChecks.Kind(processorNode)}.");
        }
        else
        {
            var processorAt = DiagnosticBag.At(at, processorField);
            if (processor["ProcessorConfig"] is JsonObject config)
            {
                var configAt = DiagnosticBag.At(processorAt, "ProcessorConfig");
                foreach (var (key, _) in config)
                {
                    if (key is not ("Mode" or "ExecutionType")) _bag.Schema(DiagnosticBag.At(configAt, key), $"'{key}' is not a field of ProcessorConfig.");
                }
                mode = _checks.String(config, "Mode", configAt) ?? "INLINE";
                if (mode is not ("INLINE" or "DISTRIBUTED")) _bag.Schema(DiagnosticBag.At(configAt, "Mode"), $"Mode must be \"INLINE\" or \"DISTRIBUTED\", but was \"{mode}\".");
                var executionType = _checks.String(config, "ExecutionType", configAt);
                if (executionType is not null and not ("STANDARD" or "EXPRESS")) _bag.Schema(DiagnosticBag.At(configAt, "ExecutionType"), $"ExecutionType must be \"STANDARD\" or \"EXPRESS\", but was \"{executionType}\".");
            }
            else if (processor.ContainsKey("ProcessorConfig"))
            {
                _bag.Schema(DiagnosticBag.At(processorAt, "ProcessorConfig"), "'ProcessorConfig' must be an object.");
            }
            Block(processor, processorAt, ProcessorFields);
        }

        if (mode != "DISTRIBUTED")
        {
            foreach (var field in new[] { "ItemReader", "ItemBatcher", "ResultWriter", "ToleratedFailureCount", "ToleratedFailureCountPath", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "Label" })
            {
                if (state.ContainsKey(field)) _bag.Schema(DiagnosticBag.At(at, field), $"'{field}' is only allowed when ProcessorConfig.Mode is \"DISTRIBUTED\".");
            }
        }
        if (state["ItemBatcher"] is JsonObject batcher)
        {
            var batcherAt = DiagnosticBag.At(at, "ItemBatcher");
            foreach (var (key, _) in batcher)
            {
                if (key is not ("MaxItemsPerBatch" or "MaxItemsPerBatchPath" or "MaxInputBytesPerBatch" or "MaxInputBytesPerBatchPath" or "BatchInput"))
                {
                    _bag.Schema(DiagnosticBag.At(batcherAt, key), $"'{key}' is not a field of ItemBatcher.");
                }
            }
            _checks.Integer(batcher, "MaxItemsPerBatch", batcherAt, 1);
            _checks.Integer(batcher, "MaxInputBytesPerBatch", batcherAt, 1);
            _checks.Path(batcher, "MaxItemsPerBatchPath", batcherAt, allowNull: false, reference: true);
            _checks.Path(batcher, "MaxInputBytesPerBatchPath", batcherAt, allowNull: false, reference: true);
            _checks.TemplateField(batcher, "BatchInput", batcherAt, mustBeObject: true);
        }
        else if (state.ContainsKey("ItemBatcher"))
        {
            _bag.Schema(DiagnosticBag.At(at, "ItemBatcher"), "'ItemBatcher' must be an object.");
        }
    }
}
