namespace StepFunctionsCqrs.Asl.JSONata.Internal.Values;

/// <summary>An object built during evaluation; objects from the input stay <see cref="System.Text.Json.Nodes.JsonObject"/>.</summary>
internal sealed class JsonataObject : OrderedDictionary<string, object?>
{
    public JsonataObject() : base(StringComparer.Ordinal)
    {
    }
}
