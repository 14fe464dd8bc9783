using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Values;

/// <summary>A function with some arguments fixed; calling it fills the open places in order.</summary>
internal sealed class PartialFunction : JsonataFunction
{
    private readonly JsonataFunction _target;
    private readonly object?[] _bound;
    private readonly bool[] _open;
    private readonly int _arity;

    public PartialFunction(JsonataFunction target, object?[] bound, bool[] open)
    {
        _target = target;
        _bound = bound;
        _open = open;
        _arity = open.Count(o => o);
    }

    public override int Arity => _arity;

    public override object? Invoke(object?[] arguments, object? input, Frame frame)
    {
        var all = new object?[_bound.Length];
        var next = 0;
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = _open[i] ? (next < arguments.Length ? arguments[next++] : null) : _bound[i];
        }
        return _target.Invoke(all, input, frame);
    }
}
