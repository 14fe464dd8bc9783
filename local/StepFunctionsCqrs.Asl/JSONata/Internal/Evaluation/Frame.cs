using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;

/// <summary>One scope of variable bindings; blocks and lambda calls open a new one over their enclosing frame.</summary>
internal sealed class Frame
{
    private readonly Frame? _parent;
    private string[]? _names;
    private object?[]? _values;
    private int _count;

    public Frame(EvaluationRun run)
    {
        Run = run;
    }

    public Frame(Frame parent)
    {
        _parent = parent;
        Run = parent.Run;
    }

    /// <summary>What is fixed for one evaluation: the time, randomness and the function library.</summary>
    public EvaluationRun Run { get; }

    public void Bind(string name, object? value)
    {
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_names![i], name, StringComparison.Ordinal))
            {
                _values![i] = value;
                return;
            }
        }
        if (_names is null || _count == _names.Length)
        {
            var size = _names is null ? 4 : _names.Length * 2;
            Array.Resize(ref _names, size);
            Array.Resize(ref _values, size);
        }
        _names[_count] = name;
        _values![_count] = value;
        _count++;
    }

    public object? Lookup(string name)
    {
        for (var frame = this; frame is not null; frame = frame._parent)
        {
            for (var i = 0; i < frame._count; i++)
            {
                if (string.Equals(frame._names![i], name, StringComparison.Ordinal))
                {
                    return frame._values![i];
                }
            }
        }
        return Run.Library.Lookup(name);
    }
}
