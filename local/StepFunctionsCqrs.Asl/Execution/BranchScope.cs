using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.History;
using StepFunctionsCqrs.Asl.Paths;

namespace StepFunctionsCqrs.Asl.Execution;

/// <summary>One sequential thread of states (the top level, a Parallel branch or a Map iteration).</summary>
internal sealed class BranchScope(ExecutionRun run, VariableScope variables, MapItemContext? mapItem, long parentEventId, CancellationToken token)
{
    private MapItemContext? _mapItem = mapItem;
    private JsonObject? _context;
    private bool _stateStale = true;
    private DateTimeOffset _enteredTime;
    private int _retryCount;
    private string? _taskToken;

    public ExecutionRun Run { get; } = run;
    public VariableScope Variables { get; } = variables;
    public CancellationToken Token { get; } = token;

    /// <summary>The id of the last event this branch recorded, so the next one can point back to it.</summary>
    public long LastEventId { get; private set; } = parentEventId;

    /// <summary>The state this branch last entered and its input: where a redrive of an unsuccessful run goes on from.</summary>
    public (string State, JsonNode? Input) Position { get; private set; }

    /// <summary>Notes the state entered and its input (see <see cref="Position"/>).</summary>
    public void Reached(string state, JsonNode? input) => Position = (state, input);

    /// <summary>The state currently running, for error messages and the context object.</summary>
    public string StateName { get; private set; } = "";

    public void EnterState(string name, DateTimeOffset entered, int retryCount, string? taskToken = null)
    {
        StateName = name;
        _enteredTime = entered;
        _retryCount = retryCount;
        _taskToken = taskToken;
        _stateStale = true;
    }

    /// <summary>How many times the current state has been retried.</summary>
    public int RetryCount => _retryCount;

    /// <summary>Makes $$.Task.Token available to the current callback-pattern task.</summary>
    public void SetTaskToken(string token)
    {
        _taskToken = token;
        _stateStale = true;
    }

    /// <summary>
    /// Continues this branch's event chain after the last event its child branches recorded, so the
    /// event that closes a Parallel or Map points back to the event that completed it.
    /// </summary>
    public void ContinueAfter(long childEventId)
    {
        if (childEventId > LastEventId) LastEventId = childEventId;
    }

    public long Record(string type, HistoryEventDetails? details) => Record(type, details, Run.Time.GetUtcNow());

    /// <summary>Records an event at a time the caller already read, saving a clock read on the hot path.</summary>
    public long Record(string type, HistoryEventDetails? details, DateTimeOffset at)
    {
        LastEventId = Run.History.Add(LastEventId, at, type, details);
        return LastEventId;
    }

    /// <summary>The time of the current attempt of the current state: its entry, or the retry's start.</summary>
    public DateTimeOffset AttemptTime => _retryCount == 0 ? _enteredTime : Run.Time.GetUtcNow();

    /// <summary>The context object ($$), built on first use and refreshed when the state changes.</summary>
    public JsonObject Context
    {
        get
        {
            _context ??= Run.CreateContext(_mapItem);
            if (_stateStale)
            {
                _context["State"] = new JsonObject
                {
                    ["EnteredTime"] = Timestamps.Format(_enteredTime),
                    ["Name"] = StateName,
                    ["RetryCount"] = _retryCount,
                };
                if (_taskToken is not null) _context["Task"] = new JsonObject { ["Token"] = _taskToken };
                else _context.Remove("Task");
                _stateStale = false;
            }
            return _context;
        }
    }

    /// <summary>Points $$.Map.Item at another item, reusing the context object built for the previous one.</summary>
    public void SetMapItem(MapItemContext item)
    {
        _mapItem = item;
        if (_context is not null) _context["Map"] = ExecutionRun.MapNode(item);
    }

    public PathScope Scope(JsonNode? input, bool withContext) =>
        new(input, withContext ? Context : null, Variables, Run.Random);

    public BranchScope Child(VariableScope variables, MapItemContext? item, long parentEvent, CancellationToken token) =>
        new(Run, variables, item, parentEvent, token);
}
