namespace StepFunctionsCqrs.Asl.JSONata.Internal.Values;

/// <summary>An array value, or a result sequence when <see cref="IsSequence"/> (sequences flatten and unwrap, arrays do not).</summary>
internal sealed class JsonataArray : List<object?>
{
    public JsonataArray()
    {
    }

    public JsonataArray(int capacity) : base(capacity)
    {
    }

    public JsonataArray(IEnumerable<object?> items) : base(items)
    {
    }

    /// <summary>A sequence built by path navigation, not an array from the data or a constructor.</summary>
    public bool IsSequence { get; set; }

    /// <summary>A singleton sequence stays an array (the <c>[]</c> suffix).</summary>
    public bool KeepSingleton { get; set; }

    /// <summary>Built by an array constructor, so a path does not flatten it.</summary>
    public bool IsConstructed { get; set; }

    /// <summary>The input array wrapped once, so that <c>$[0]</c> and <c>$$</c> see the array itself.</summary>
    public bool IsOuterWrapper { get; set; }

    public static JsonataArray Sequence() => new() { IsSequence = true };

    public static JsonataArray Sequence(object? item)
    {
        var sequence = new JsonataArray { IsSequence = true };
        if (item is not null)
        {
            sequence.Add(item);
        }
        return sequence;
    }
}
