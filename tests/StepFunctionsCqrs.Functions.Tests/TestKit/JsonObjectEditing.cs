using System.Text.Json.Nodes;

namespace StepFunctionsCqrs.Functions.Tests.TestKit;

/// <summary>Edits a sample envelope inline.</summary>
public static class JsonObjectEditing
{
    public static JsonObject Apply(this JsonObject obj, Action<JsonObject> edit)
    {
        edit(obj);
        return obj;
    }
}
