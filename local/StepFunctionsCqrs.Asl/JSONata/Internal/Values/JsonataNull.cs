namespace StepFunctionsCqrs.Asl.JSONata.Internal.Values;

/// <summary>The JSON null value; C# null stands for JSONata's "undefined" (no value at all).</summary>
internal sealed class JsonataNull
{
    public static readonly JsonataNull Instance = new();

    private JsonataNull()
    {
    }

    public override string ToString() => "null";
}
